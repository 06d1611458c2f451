// Every template the Dữ liệu page offers (canonical Vietnamese headers + the example row) imports cleanly.
import { describe, expect, it } from 'vitest';
import { createNodeDb } from '../../../tests/helpers/nodeDb';
import { importFile } from '../importFile';
import { FORMATS, detectKind, type CanonicalKind } from '.';

const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
const template = (kind: CanonicalKind) => {
  const f = FORMATS[kind];
  const text = '\uFEFF' + [f.headers, f.example].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
  return { name: `mau_${kind}.csv`, bytes: new TextEncoder().encode(text) };
};

describe('FORMATS templates', () => {
  it('each header is recognised as its own kind', () => {
    for (const kind of Object.keys(FORMATS) as CanonicalKind[]) expect(detectKind(FORMATS[kind].headers)).toBe(kind);
  });

  it('each example row imports with no problem (criteria before scores; questions last, as they restrict responses)', async () => {
    const db = await createNodeDb();
    for (const kind of ['units', 'par_criteria', 'par_scores', 'index_scores', 'sipas_responses', 'sipas_items'] as CanonicalKind[]) {
      const o = await importFile(db, template(kind));
      if (!o.ok) throw new Error(`${kind}: ${JSON.stringify(o.problems)}`);
      expect([kind, o.plan.kind, o.plan.errorCount, o.plan.warningCount]).toEqual([kind, kind, 0, 0]);
    }
  }, 120_000);
});
