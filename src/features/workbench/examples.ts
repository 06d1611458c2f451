// Example queries for the app's formats, written from the same SQL fragments the pages use (src/sql/fragments.ts), so
// an example computes a rate or a period exactly as the SIPAS page does. Column aliases in Vietnamese: they become the
// grid's headers and the chart's axis names.
import type { MessageKey } from '../../i18n/vi';
import { periodKey, satisfactionRate } from '../../sql/fragments';
import type { Sql } from '../../sql/sql';
import { lex } from './guard';
import type { QueryableTable } from './queries';

export interface Example {
  id: string;
  title: MessageKey;
  /** Words in the title ({table}). */
  vars?: Record<string, string>;
  sql: string;
}

/** A fragment as text an analyst can read and edit: each bound parameter written as its literal. */
export function inlineSql(q: Sql): string {
  const params = [...q.params];
  let out = '';
  let last = 0;
  for (const t of lex(q.text)) {
    if (t.kind !== 'op' || t.value !== '?') continue;
    const p = params.shift();
    out += q.text.slice(last, t.start) + (typeof p === 'string' ? `'${p.replaceAll("'", "''")}'` : p === null || p === undefined ? 'NULL' : String(p));
    last = t.end;
  }
  return out + q.text.slice(last);
}

const quoteName = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`);

export function examples(tables: readonly QueryableTable[]): Example[] {
  const list: Example[] = [
    {
      id: 'sipasByPoint',
      title: 'workbench.ex.sipasByPoint',
      sql: `-- Tỷ lệ hài lòng = câu trả lời «Hài lòng» và «Rất hài lòng» ÷ mọi câu trả lời hợp lệ × 100 (như trang SIPAS)
SELECT ${inlineSql(periodKey('quarter'))} AS kỳ,
       unit_code AS điểm_phục_vụ,
       round(${inlineSql(satisfactionRate())}, 1) AS tỷ_lệ_hài_lòng,
       sum(n) AS số_câu_trả_lời
FROM sipas_counts
WHERE quarter IS NOT NULL
GROUP BY ALL
ORDER BY kỳ, điểm_phục_vụ;`,
    },
    {
      id: 'parLost',
      title: 'workbench.ex.parLost',
      sql: `-- Điểm bị trừ = điểm tối đa − điểm thẩm định, trên các tiêu chí lá áp dụng và đã thẩm định, năm gần nhất
WITH lá AS (
  SELECT c.* FROM par_criteria c
  WHERE NOT EXISTS (SELECT 1 FROM par_criteria k WHERE k.year = c.year AND k.code LIKE c.code || '.%')
)
SELECT l.code AS mã_tiêu_chí,
       l.name AS tiêu_chí,
       sum(l.max_points - s.appraised_score) AS điểm_bị_trừ,
       count(DISTINCT s.unit_code) AS số_đơn_vị
FROM lá l
JOIN par_scores s ON s.year = l.year AND s.criterion_code = l.code
WHERE s.applicable AND s.appraised_score IS NOT NULL
  AND l.year = (SELECT max(year) FROM par_scores)
GROUP BY ALL
HAVING điểm_bị_trừ > 0
ORDER BY điểm_bị_trừ DESC;`,
    },
    {
      id: 'papiRank',
      title: 'workbench.ex.papiRank',
      sql: `-- Tổng điểm PAPI = tổng các nội dung thành phần (PAPI không công bố dòng tổng).
-- Khác trang Chỉ số: tỉnh thiếu nội dung nào vẫn được tính ở đây, với tổng thấp hơn.
WITH tổng AS (
  SELECT year, unit_code, any_value(unit_name) AS tỉnh, sum(score) AS tổng_điểm
  FROM index_scores
  WHERE index_code = 'PAPI' AND component <> '' AND score IS NOT NULL
  GROUP BY year, unit_code
),
hạng AS (
  SELECT *, rank() OVER (PARTITION BY year ORDER BY tổng_điểm DESC) AS thứ_hạng FROM tổng
)
SELECT year AS năm, tỉnh, round(tổng_điểm, 2) AS tổng_điểm, thứ_hạng,
       lag(thứ_hạng) OVER (PARTITION BY unit_code ORDER BY year) - thứ_hạng AS tăng_hạng
FROM hạng
ORDER BY năm DESC, thứ_hạng;`,
    },
  ];
  const own = tables.find((t) => t.own);
  if (own) {
    const text = own.columns.find((c) => /CHAR|TEXT|STRING/i.test(c.type));
    const num = own.columns.find((c) => /INT|DOUBLE|DECIMAL|FLOAT|REAL|NUMERIC/i.test(c.type));
    const group = text ? quoteName(text.name) : null;
    list.unshift({
      id: 'ownTable',
      title: 'workbench.ex.ownTable',
      vars: { table: own.name },
      sql: group
        ? `SELECT ${group}, count(*) AS số_dòng${num ? `, sum(${quoteName(num.name)}) AS tổng` : ''}
FROM ${quoteName(own.name)}
GROUP BY ${group}
ORDER BY số_dòng DESC;`
        : `SUMMARIZE ${quoteName(own.name)};`,
    });
  }
  list.push({
    id: 'datasets',
    title: 'workbench.ex.datasets',
    sql: `SELECT kind AS loại, file_name AS tệp, row_count AS số_dòng, coverage AS phạm_vi, is_demo AS minh_họa, table_name AS bảng
FROM datasets
ORDER BY imported_at DESC;`,
  });
  return list;
}
