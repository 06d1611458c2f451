import { describe, expect, it } from 'vitest';
import { movePin, restorePins, togglePin, type Pin } from './pins';

const p = (chartId: string, hash = '#/'): Pin => ({ chartId, hash, title: chartId });

describe('pins', () => {
  it('pins and unpins the same chart of the same view', () => {
    const once = togglePin([], p('a'));
    expect(once).toEqual([p('a')]);
    expect(togglePin(once, p('a'))).toEqual([]);
    expect(togglePin(once, p('a', '#/sipas'))).toHaveLength(2);
  });
  it('reorders by moving one pin', () => {
    expect(movePin([p('a'), p('b'), p('c')], 0, 2).map((x) => x.chartId)).toEqual(['b', 'c', 'a']);
    expect(movePin([p('a'), p('b'), p('c')], 2, 0).map((x) => x.chartId)).toEqual(['c', 'a', 'b']);
  });
  it('drops stored pins that are not pins', () => {
    expect(restorePins('[{"chartId":"x","hash":"http://evil","title":"t"}]')).toEqual([]);
    expect(restorePins('nope')).toEqual([]);
    expect(restorePins(JSON.stringify([p('a')]))).toEqual([p('a')]);
  });
});
