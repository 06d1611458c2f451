// The PAR Index of a unit from the demo files data/demo/par_criteria.csv and par_scores.csv, computed as the app
// computes it (src/domain/parScoring.ts): points count over the applicable LEAF criteria only; the appraised index
// is appraised points ÷ applicable max × 100 with two decimals, and only when every applicable leaf is appraised.
// Shared by make-indices.mjs, so the commune's PAR Index in commune_indices.csv is the one the PAR pages show.
import fs from 'node:fs';
import path from 'node:path';

export const DEMO_DIR = path.resolve(import.meta.dirname, '..', '..', 'data', 'demo');
export const NA = 'không áp dụng';

/** RFC 4180 CSV (quoted fields, "" inside quotes) → rows of strings. */
export function parseCsv(text) {
  const rows = [];
  let row = [],
    field = '',
    quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** A CSV file of data/demo as objects keyed by its header. */
export function readDemoCsv(name) {
  const [head, ...rows] = parseCsv(fs.readFileSync(path.join(DEMO_DIR, name), 'utf8').replace(/^\uFEFF/, ''));
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

/** Two decimals as published (the epsilon keeps 89.995 from becoming 89.99 through binary rounding). */
export const round2 = (v) => Math.round((v + Math.sign(v) * 1e-9) * 100) / 100;

/**
 * Per year and unit: { applicableMax, appraisedPoints, appraisedIndex (null while some applicable leaf is not
 * appraised), domains: [{ code, name, max, applicableMax, appraised }] for each lĩnh vực (top-level criterion) }.
 * Returns Map<year, Map<unitCode, …>> and the lĩnh vực of each year's tree.
 */
export function parIndices(criteriaRows = readDemoCsv('par_criteria.csv'), scoreRows = readDemoCsv('par_scores.csv')) {
  const trees = new Map(); // year → [{ code, name, max }]
  for (const r of criteriaRows) {
    const year = Number(r['Năm']);
    if (!trees.has(year)) trees.set(year, []);
    trees.get(year).push({ code: r['Mã tiêu chí'], name: r['Tiêu chí'], max: Number(r['Điểm tối đa']) });
  }
  const out = new Map();
  for (const [year, tree] of trees) {
    const leaves = new Map(tree.filter((c) => !tree.some((o) => o.code.startsWith(c.code + '.'))).map((c) => [c.code, c]));
    const domainsOf = tree.filter((c) => !c.code.includes('.'));
    const byUnit = new Map();
    for (const s of scoreRows) {
      if (Number(s['Năm']) !== year) continue;
      if (!byUnit.has(s['Mã đơn vị'])) byUnit.set(s['Mã đơn vị'], new Map());
      byUnit.get(s['Mã đơn vị']).set(s['Mã tiêu chí'], s);
    }
    const units = new Map();
    for (const [unit, scores] of byUnit) {
      let applicableMax = 0,
        appraisedPoints = 0,
        missing = 0;
      const domains = domainsOf.map((d) => ({ code: d.code, name: d.name, max: d.max, applicableMax: 0, appraised: 0, missing: 0 }));
      for (const [code, leaf] of leaves) {
        const s = scores.get(code);
        const self = (s?.['Điểm tự đánh giá'] ?? '').trim().toLowerCase();
        if (self === NA || self === 'n/a') continue; // không áp dụng: left out of the max
        const appr = (s?.['Điểm thẩm định'] ?? '').trim();
        const d = domains.find((x) => x.code === code.split('.')[0]);
        applicableMax += leaf.max;
        d.applicableMax += leaf.max;
        if (appr === '') {
          missing++;
          d.missing++;
          continue;
        }
        appraisedPoints += Number(appr);
        d.appraised += Number(appr);
      }
      units.set(unit, {
        applicableMax,
        appraisedPoints,
        missing,
        appraisedIndex: applicableMax > 0 && missing === 0 ? round2((appraisedPoints / applicableMax) * 100) : null,
        domains,
      });
    }
    out.set(year, units);
  }
  return { trees, byYear: out };
}
