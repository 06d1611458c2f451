import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useQuery } from '../../app/useQuery';
import { replaceParams } from '../../app/useRoute';
import type { Route } from '../../app/route';
import { INDEX_CODES, INDICES, type IndexCode } from '../../domain/indices';
import { rankYear } from '../../domain/ranking';
import { formatNumber } from '../../i18n/format';
import { fetchUnitTotals } from './unitTotals';

export function IndexPage({ index, route }: { index: IndexCode; route: Route }) {
  const { t, locale } = useI18n();
  const q = useQuery((db) => fetchUnitTotals(db, index), [index]);
  const years = useMemo(() => [...new Set((q.data ?? []).map((u) => u.year))].sort((a, b) => b - a), [q.data]);
  const year = Number(route.params.year) || years[0];
  const ranked = useMemo(() => rankYear((q.data ?? []).filter((u) => u.year === year), INDICES[index].decimals), [q.data, year, index]);

  return (
    <section>
      <nav className="tabs" aria-label={t('indices.pick')}>
        {INDEX_CODES.map((c) => (
          <a key={c} href={`#/indices/${c}`} aria-current={c === index ? 'page' : undefined}>{t(`index.short.${c}`)}</a>
        ))}
      </nav>
      <h1>{t(`index.${index}`)}</h1>
      {q.loading ? (
        <div className="chart-skeleton" aria-busy="true" />
      ) : years.length === 0 ? (
        <p className="empty">
          {t('indices.noData', { index: t(`index.short.${index}`) })} <a href="#/data">{t('indices.goData')}</a>
        </p>
      ) : (
        <>
          <label className="control">
            {t('indices.year')}{' '}
            <select value={year} onChange={(e) => replaceParams(route, { year: e.target.value })} data-testid="year-select">
              {years.map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </label>
          <h2>{t('indices.rankTitle', { year: year ?? '' })}</h2>
          <table className="data-table" data-testid="rank-table">
            <thead>
              <tr><th scope="col">{t('col.rank')}</th><th scope="col">{t('col.unit')}</th><th scope="col">{t('col.score')}</th></tr>
            </thead>
            <tbody>
              {ranked.map((u) => (
                <tr key={u.unitCode} className={u.rank === null ? 'incomplete' : undefined}>
                  <td>{u.rank ?? '–'}</td>
                  <td>{u.unitName}</td>
                  <td>{u.rank === null ? `${t('col.incomplete')} (${u.nPresent}/${u.nExpected})` : formatNumber(u.total, locale, INDICES[index].decimals)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
