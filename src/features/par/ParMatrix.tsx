// The year's matrix: units × lĩnh vực, self and appraised side by side, total, index, rank, band, change.
// Sort and filter live in the URL; the commune's own row stays on top whatever the order or filter.
import { useMemo } from 'react';
import type { Route } from '../../app/route';
import { formatHash } from '../../app/route';
import { replaceParams } from '../../app/useRoute';
import { useI18n } from '../../i18n/i18n';
import { formatNumber } from '../../i18n/format';
import { BANDS, nextBand, pctOfMax, type ParNode } from '../../domain/parScoring';
import { foldText } from '../../domain/vnNames';
import { useSettings } from '../../app/useSettings';
import { parBandsFor } from '../../app/settings';
import type { ParUnit, ParYear } from './model';
import { fmtChange, fmtPoints } from './format';
import { BandCountsView } from './ParBandCounts';

type SortKey = string; // rank | name | selfIndex | index | change | self | appraised | d:<code>

function sortValue(u: ParUnit, key: SortKey): number | string | null {
  if (key === 'name') return u.unitName;
  if (key === 'rank') return u.rank;
  if (key === 'index') return u.score.appraisedIndex;
  if (key === 'selfIndex') return u.score.selfIndex;
  if (key === 'change') return u.change;
  if (key === 'self') return u.score.selfPoints;
  if (key === 'appraised') return u.score.missingAppraised ? null : u.score.appraisedPoints;
  if (key.startsWith('d:')) {
    const n = u.score.byCode.get(key.slice(2));
    return n && n.applicable && n.missingAppraised === 0 ? pctOfMax(n.appraised, n.applicableMax) : null;
  }
  return null;
}

/** Missing values always sink to the bottom, in either direction. */
function compare(a: number | string | null, b: number | string | null, dir: 1 | -1): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'string' && typeof b === 'string') return dir * a.localeCompare(b, 'vi');
  return dir * ((a as number) - (b as number));
}

export function ParMatrix({ model, route }: { model: ParYear; route: Route }) {
  const { t, locale } = useI18n();
  const show = route.params.show === 'pct' ? 'pct' : 'points';
  const sort = route.params.sort ?? 'rank';
  const dir: 1 | -1 = route.params.dir === 'desc' ? -1 : route.params.dir === 'asc' ? 1 : sort === 'rank' || sort === 'name' ? 1 : -1;
  const filter = route.params.q ?? '';
  const bandFilter = route.params.band ?? '';
  const domains = model.criteria.filter((c) => !c.code.includes('.'));
  const [settings] = useSettings();
  const cut = parBandsFor(settings, model.year);

  const rows = useMemo(() => {
    // Folded (vnNames): "truong mam non" finds "Trường Mầm non", as people type on a phone without marks.
    const q = foldText(filter);
    const others = model.units
      .filter((u) => !u.own)
      .filter((u) => !q || foldText(u.unitName).includes(q) || foldText(u.unitCode).includes(q))
      .filter((u) => !bandFilter || (bandFilter === 'pending' ? u.band === null : u.band === bandFilter))
      .sort((a, b) => compare(sortValue(a, sort), sortValue(b, sort), dir) || a.unitName.localeCompare(b.unitName, 'vi'));
    return [...model.units.filter((u) => u.own), ...others];
  }, [model, filter, bandFilter, sort, dir]);

  const unitLink = (code: string) => formatHash(route.segments, { year: model.year, view: 'unit', unit: code });
  const th = (key: SortKey, label: string, title?: string, cls = 'num', rowSpan?: number) => {
    const active = sort === key;
    return (
      <th scope="col" rowSpan={rowSpan} className={cls} aria-sort={active ? (dir === 1 ? 'ascending' : 'descending') : undefined} title={title}>
        <button
          type="button"
          className="sort"
          onClick={() => replaceParams(route, { sort: key, dir: active ? (dir === 1 ? 'desc' : 'asc') : undefined })}
          aria-label={t('par.m.sortBy', { col: title ?? label })}
          data-testid={`sort-${key}`}
        >
          {label}
          {active ? (dir === 1 ? ' ▲' : ' ▼') : ''}
        </button>
      </th>
    );
  };
  const val = (n: ParNode | undefined, which: 'self' | 'appraised') => {
    if (!n || !n.applicable)
      return (
        <span className="muted" title={t('par.m.naTitle')}>
          {t('par.m.na')}
        </span>
      );
    const v = n[which];
    const partial = which === 'appraised' && n.missingAppraised > 0;
    const text = show === 'pct' ? formatNumber(pctOfMax(v, n.applicableMax), locale, 1) : fmtPoints(v, locale);
    return (
      <span
        className={partial ? 'partial' : undefined}
        title={partial ? `${t('par.notAppraised')} (${t('par.missingCount', { count: n.missingAppraised })})` : undefined}
      >
        {partial && v === null ? '…' : text}
      </span>
    );
  };

  return (
    <div className="par-matrix-wrap">
      <h2>{t('par.m.title', { year: model.year })}</h2>
      <p className="note">{t('par.m.sub', { count: model.rankedOf })}</p>
      <BandCountsView model={model} />
      <div className="par-controls no-print">
        <label className="control">
          {t('par.m.show')}
          <select value={show} onChange={(e) => replaceParams(route, { show: e.target.value === 'pct' ? 'pct' : undefined })} data-testid="par-show">
            <option value="points">{t('par.m.points')}</option>
            <option value="pct">{t('par.m.pct')}</option>
          </select>
        </label>
        <label className="control">
          {t('par.m.filter')}
          <input type="search" value={filter} onChange={(e) => replaceParams(route, { q: e.target.value })} data-testid="par-filter" />
        </label>
        <label className="control">
          {t('par.m.filterBand')}
          <select value={bandFilter} onChange={(e) => replaceParams(route, { band: e.target.value })} data-testid="par-band-filter">
            <option value="">{t('par.m.allBands')}</option>
            {BANDS.map((b) => (
              <option key={b} value={b}>
                {t(`par.band.${b}`)}
              </option>
            ))}
            <option value="pending">{t('par.notAppraised')}</option>
          </select>
        </label>
      </div>
      <div className="par-scroll">
        <table className="data-table par-matrix" data-testid="par-matrix">
          <thead>
            <tr>
              {th('rank', t('par.m.rank'), undefined, 'num sticky-a', 2)}
              {th('name', t('par.m.unit'), undefined, 'sticky-b', 2)}
              {th('index', t('par.m.index'), undefined, 'num', 2)}
              <th rowSpan={2} scope="col">
                {t('par.m.band')}
              </th>
              {th('change', t('par.m.change'), undefined, 'num', 2)}
              <th rowSpan={2} scope="col" className="num wrap" title={t('par.u.next')}>
                {t('par.m.next')}
              </th>
              {th('selfIndex', t('par.m.selfIndex'), undefined, 'num s', 2)}
              <th colSpan={2} scope="colgroup" className="domain">
                {t('par.m.total')}
              </th>
              <th rowSpan={2} scope="col" className="num">
                {t('par.m.max')}
              </th>
              {domains.map((d) => (
                <th key={d.code} colSpan={2} scope="colgroup" className="domain" title={`${d.code}. ${d.name} (${fmtPoints(d.max, locale)})`}>
                  <span className="domain-code">{d.code}</span> <span className="domain-name">{d.name}</span>
                </th>
              ))}
            </tr>
            <tr>
              {th('self', t('par.m.self'), t('par.m.selfLong'), 'num sub s')}
              {th('appraised', t('par.m.appraised'), t('par.m.appraisedLong'), 'num sub')}
              {domains.flatMap((d) => [
                <th key={`${d.code}s`} scope="col" className="num sub s" title={t('par.m.selfLong')}>
                  {t('par.m.self')}
                </th>,
                <th key={`${d.code}a`} scope="col" className="num sub" title={t('par.m.appraisedLong')}>
                  <button
                    type="button"
                    className="sort"
                    onClick={() => replaceParams(route, { sort: `d:${d.code}`, dir: sort === `d:${d.code}` && dir === -1 ? 'asc' : 'desc' })}
                    data-testid={`sort-d-${d.code}`}
                  >
                    {t('par.m.appraised')}
                    {sort === `d:${d.code}` ? (dir === 1 ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {rows.every((u) => u.own) && model.units.some((u) => !u.own) && (
              <tr>
                <td colSpan={domains.length * 2 + 10} className="empty">
                  {t('par.m.none')}
                </td>
              </tr>
            )}
            {rows.map((u) => (
              <tr key={u.unitCode} className={u.own ? 'own' : undefined} data-unit={u.unitCode}>
                <td className="num sticky-a">{u.own ? '' : (u.rank ?? '–')}</td>
                <th scope="row" className="sticky-b unit-name">
                  <a href={unitLink(u.unitCode)}>{u.unitName}</a>
                  {u.own && <span className="tag">{t('par.ownTag')}</span>}
                </th>
                <td className="num index" data-testid="appraised-index">
                  {u.score.appraisedIndex !== null ? (
                    formatNumber(u.score.appraisedIndex, locale, 2)
                  ) : (
                    <span className="pending" title={t('par.missingCount', { count: u.score.missingAppraised })}>
                      {t('par.notAppraised')} <small>({t('par.missingCount', { count: u.score.missingAppraised })})</small>
                    </span>
                  )}
                </td>
                <td data-testid="band">{u.band ? <span className={`band band-${u.band}`}>{t(`par.band.${u.band}`)}</span> : '–'}</td>
                <td className={`num change ${u.change === null ? '' : u.change > 0 ? 'up' : u.change < 0 ? 'down' : ''}`}>{fmtChange(u.change, locale)}</td>
                <td className="num next" data-testid="next-band">
                  {(() => {
                    if (u.score.appraisedIndex === null) return '';
                    const nb = nextBand(u.score.appraisedPoints, u.score.applicableMax, cut);
                    return nb ? (
                      <>
                        {fmtPoints(nb.pointsNeeded, locale)} <small>→ {t(`par.band.${nb.band}`)}</small>
                      </>
                    ) : (
                      ''
                    );
                  })()}
                </td>
                <td className="num self" data-testid="self-index">
                  {formatNumber(u.score.selfIndex, locale, 2)}
                </td>
                <td className="num self">{fmtPoints(u.score.selfPoints, locale)}</td>
                <td className="num">{u.score.missingAppraised ? <span className="partial">…</span> : fmtPoints(u.score.appraisedPoints, locale)}</td>
                <td className="num">{fmtPoints(u.score.applicableMax, locale)}</td>
                {domains.flatMap((d) => {
                  const n = u.score.byCode.get(d.code);
                  return [
                    <td key={`${d.code}s`} className="num self">
                      {val(n, 'self')}
                    </td>,
                    <td key={`${d.code}a`} className="num">
                      {val(n, 'appraised')}
                    </td>,
                  ];
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
