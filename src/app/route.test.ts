import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from './route';

describe('hash routes', () => {
  it('reads segments and parameters', () => {
    expect(parseHash('#/indices/PAPI?year=2021&unit=P31')).toEqual({ segments: ['indices', 'PAPI'], params: { year: '2021', unit: 'P31' } });
  });
  it('treats an empty hash as the overview', () => {
    expect(parseHash('')).toEqual({ segments: [], params: {} });
    expect(parseHash('#/')).toEqual({ segments: [], params: {} });
  });
  it('round-trips Vietnamese text and drops empty parameters', () => {
    const h = formatHash(['indices', 'PAPI'], { unit: 'Thừa Thiên Huế', year: 2021, q: '' });
    expect(h).toBe('#/indices/PAPI?unit=Th%E1%BB%ABa+Thi%C3%AAn+Hu%E1%BA%BF&year=2021');
    expect(parseHash(h).params).toEqual({ unit: 'Thừa Thiên Huế', year: '2021' });
  });
});
