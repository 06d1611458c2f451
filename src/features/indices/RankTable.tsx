import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useSettings } from '../../app/useSettings';
import { parBandsFor } from '../../app/settings';
import { replaceParams } from '../../app/useRoute';
import type { Route } from '../../app/route';
import { INDICES, type IndexCode } from '../../domain/indices';
import type { ViewTotal } from '../../domain/merger';
import { groupOf, type RankRow } from '../../domain/standing';
import { formatNumber } from '../../i18n/format';
import { downloadCsv, downloadXlsx, safeFileName } from '../../export/download';
import { LongTable } from '../../app/ui/LongTable';
import type { Cell } from '../../export/cells';
import { missingText, visibleRows, type Show, type SortKey } from './rankTable';
import type { Level } from './model';

interface Props {
  index: IndexCode;
  year: number;
  rows: RankRow<ViewTotal>[];
  /** The user's own unit in this view (highlighted). */
  own: string | null;
  /** The unit the page is about (also highlighted). */
  unit: string;
  level: Level;
  metricName: string;
  /** '' = the total score (PAR's groups and bands apply to it only). */
  component: string;
  route: Route;
}

/** Rank table of a year: sortable, searchable, top/bottom 5, the user's unit highlighted; CSV/XLSX of exactly what is shown. */
export function RankTable({ index, year, rows, own, unit, level, metricName, component, route }: Props) {
  const { t, locale } = useI18n();
  const [settings] = useSettings();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'rank', desc: false });
  const [search, setSearch] = useState('');
  const show: Show = route.params.show === 'top5' || route.params.show === 'bottom5' ? route.params.show : 'all';
  const meta = INDICES[index];
  const shown = visibleRows(rows, { sort: sort.key, desc: sort.desc, search, show });
  const ranked = rows.filter((r) => r.rank !== null).length;

  // The registry's groups of the total (PAR's groups and bands), else quartiles of rank (domain/standing.ts groupOf).
  const group = (r: RankRow<ViewTotal>): string => {
    const g = groupOf(meta, { value: r.complete ? r.unit.total : null, quartile: r.quartile, of: r.of }, level, parBandsFor(settings, year), component === '');
    return g ? t(g.key, g.params) : '';
  };
  const note = (r: RankRow<ViewTotal>): string => {
    if (!r.complete) return `${t('indices.missing')}: ${missingText(r, t('indices.noValue'))}`;
    if (r.unit.derived) return `${t('indices.derivedTag')}: ${r.unit.from.join(' + ')}`;
    return '';
  };
  const isOwn = (r: RankRow<ViewTotal>) => [own, unit].some((k) => k !== null && (r.unit.unitCode === k || r.unit.unitName === k));
  const fmt = (v: number | null) => formatNumber(v, locale, meta.decimals);
  // Rounded first: a change of -0.001 shows as "0,00" (not "-0,00"), without the colour of a fall.
  const shownDelta = (v: number | null) => (v === null ? null : Number(v.toFixed(meta.decimals)) || 0);
  const signed = (v: number | null, d: number) => (v === null ? '–' : `${v > 0 ? '+' : ''}${formatNumber(v, locale, d)}`);

  const trend = (v: number | null) => (v === null || v === 0 ? '' : v > 0 ? 'up' : 'down');

  const columns = [
    t('col.rank'),
    t('col.unit'),
    `${t('col.score')} (${metricName})`,
    t('indices.col.deltaScore'),
    t('indices.col.deltaRank'),
    t('indices.col.group'),
    t('indices.col.status'),
  ];
  // Machine numbers for files: 48.06, not "48,06"; empty for no value.
  const fileRows: Cell[][] = shown.map((r) => [
    r.rank,
    r.unit.unitName,
    r.complete ? Number(r.unit.total.toFixed(meta.decimals + 2)) : null,
    r.deltaScore === null ? null : Number(r.deltaScore.toFixed(meta.decimals + 2)),
    r.deltaRank,
    group(r),
    note(r),
  ]);
  const fileName = safeFileName(`${t(`index.short.${index}`)} ${metricName} ${year}`);

  const header = (key: SortKey | null, label: string, num = false) => (
    <th scope="col" className={num ? 'num' : undefined} aria-sort={key && sort.key === key ? (sort.desc ? 'descending' : 'ascending') : undefined}>
      {key ? (
        <button type="button" className="sort" onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'rank' && key !== 'unit' }))}>
          {label} {sort.key === key ? (sort.desc ? '▼' : '▲') : '↕'}
        </button>
      ) : (
        label
      )}
    </th>
  );

  return (
    <div className="rank-block">
      <h2>{t('indices.rankTitle', { year })}</h2>
      <div className="rank-tools">
        <label className="control">
          {t('indices.search')}
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="rank-search" />
        </label>
        <div className="segmented" role="group" aria-label={t('indices.show')}>
          {(['all', 'top5', 'bottom5'] as const).map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={show === s}
              onClick={() => replaceParams(route, { show: s === 'all' ? undefined : s })}
              data-testid={`show-${s}`}
            >
              {t(s === 'all' ? 'indices.showAll' : s === 'top5' ? 'indices.top5' : 'indices.bottom5')}
            </button>
          ))}
        </div>
        <span className="rank-count">{t('indices.shown', { n: shown.length, total: rows.length })}</span>
        <span className="rank-downloads">
          <button type="button" onClick={() => void downloadCsv(`${fileName}.csv`, columns, fileRows)} data-testid="rank-csv">
            {t('indices.csv')}
          </button>
          <button
            type="button"
            onClick={() =>
              void downloadXlsx(`${fileName}.xlsx`, [
                { name: `${t(`index.short.${index}`)} ${year}`, columns, rows: fileRows, widths: [8, 28, 14, 10, 10, 22, 40] },
              ])
            }
            data-testid="rank-xlsx"
          >
            {t('indices.xlsx')}
          </button>
        </span>
      </div>
      <LongTable
        className="data-table rank-table"
        testId="rank-table"
        columns={7}
        rows={shown}
        head={
          <tr>
            {header('rank', columns[0]!, true)}
            {header('unit', columns[1]!)}
            {header('score', columns[2]!, true)}
            {header('deltaScore', columns[3]!, true)}
            {header('deltaRank', columns[4]!, true)}
            {header(null, columns[5]!)}
            {header(null, columns[6]!)}
          </tr>
        }
        row={(r, _i, position) => (
          <tr
            key={r.unit.unitCode}
            className={[r.complete ? '' : 'incomplete', isOwn(r) ? 'own' : ''].join(' ').trim() || undefined}
            data-own={isOwn(r) || undefined}
            {...position}
          >
            <td className="num">{r.rank ?? '–'}</td>
            <td>{r.unit.unitName}</td>
            <td className="num">{r.complete ? fmt(r.unit.total) : `${t('col.incomplete')} (${missingText(r, t('indices.noValue'))})`}</td>
            <td className={`num ${trend(shownDelta(r.deltaScore))}`}>{signed(shownDelta(r.deltaScore), meta.decimals)}</td>
            <td className={`num ${trend(r.deltaRank)}`}>
              {r.deltaRank === null ? '–' : r.deltaRank > 0 ? `▲ ${r.deltaRank}` : r.deltaRank < 0 ? `▼ ${-r.deltaRank}` : '='}
            </td>
            <td>{group(r)}</td>
            <td>{note(r)}</td>
          </tr>
        )}
      />
      {ranked > 0 && rows[0]?.prevYear != null && (
        <p className="note">
          {t('indices.col.prevYear')}: {rows[0].prevYear}
        </p>
      )}
    </div>
  );
}
