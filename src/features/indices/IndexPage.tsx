import { useI18n } from '../../i18n/i18n';
import { useSettings } from '../../app/useSettings';
import { replaceParams } from '../../app/useRoute';
import type { Route } from '../../app/route';
import { DefinedChart, useChartLabels } from '../../charts/Chart';
import { INDEX_CODES, type IndexCode } from '../../domain/indices';
import type { ProvinceView } from '../../domain/merger';
import type { MessageKey } from '../../i18n/vi';
import { unitInView } from './model';
import { indexComponentsView, indexTrendView } from './options';
import { useIndexModel } from './useIndexModel';
import { provinceMapCharts } from './chartDefs';
import { RankTable } from './RankTable';
import { ProvinceMap } from './map/ProvinceMap';
import './indices.css';

/** An index's page: the unit's trend among its peers, its components, the map and the rank table. Renders useIndexModel's model. */
export function IndexPage({ index, route }: { index: IndexCode; route: Route }) {
  const { t } = useI18n();
  const labels = useChartLabels();
  const [, updateSettings] = useSettings();
  const { data, error, loading, model, view } = useIndexModel(index, route);
  const p = route.params;
  const sub = p.sub === '1';

  const setView = (v: ProvinceView) => {
    updateSettings({ provinceView: v });
    // The unit follows: a former province or commune maps to its new one; a new one to the former one of its name.
    replaceParams(route, { view: v, unit: data && model && p.unit ? unitInView(data, model.level, p.unit, v) : p.unit });
  };

  const tabs = (
    <nav className="tabs" aria-label={t('indices.pick')}>
      {INDEX_CODES.map((c) => (
        <a key={c} href={`#/indices/${c}${p.unit ? `?unit=${encodeURIComponent(p.unit)}` : ''}`} aria-current={c === index ? 'page' : undefined}>
          {t(`index.short.${c}`)}
        </a>
      ))}
    </nav>
  );
  if (error)
    return (
      <section>
        {tabs}
        <h1>{t(`index.${index}`)}</h1>
        <p className="error" role="alert">
          {error}
        </p>
      </section>
    );
  if (loading || !model)
    return (
      <section>
        {tabs}
        <h1>{t(`index.${index}`)}</h1>
        <div className="chart-skeleton" aria-busy="true" />
      </section>
    );
  const m = model;
  if (m.years.length === 0 || m.year === null) {
    return (
      <section>
        {tabs}
        <h1>{t(`index.${index}`)}</h1>
        <p className="empty" data-testid="index-nodata">
          {t('indices.noData', { index: t(`index.short.${index}`) })} <a href="#/data">{t('indices.goData')}</a>
        </p>
      </section>
    );
  }
  const { communeView, metricName } = m;
  // The map's words are its chart definition's, as a pinned map, a slide and the report write them.
  const mapChart = { index: m, view, map: null };
  const set = (changes: Record<string, string | number | undefined>) => replaceParams(route, changes);

  return (
    <section className="index-page">
      {tabs}
      <h1>{t(`index.${index}`)}</h1>
      <div className="index-controls">
        <label className="control">
          {t('indices.unit')}
          <select value={m.level === 'province' ? m.unitName : m.unit} onChange={(e) => set({ unit: e.target.value })} data-testid="unit-select">
            {!m.unitOptions.some(([c, n]) => n === m.unitName || c === m.unit) && <option value={m.unit}>{m.unitName}</option>}
            {m.unitOptions.map(([code, name]) => (
              <option key={code} value={m.level === 'province' ? name : code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="control">
          {t('indices.year')}
          <select value={m.year} onChange={(e) => set({ year: e.target.value })} data-testid="year-select">
            {[...m.years].reverse().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label className="control">
          {t('indices.from')}
          <select value={m.from ?? ''} onChange={(e) => set({ from: e.target.value })} data-testid="from-select">
            {m.years
              .filter((y) => m.to === null || y <= m.to)
              .map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
          </select>
        </label>
        <label className="control">
          {t('indices.to')}
          <select value={m.to ?? ''} onChange={(e) => set({ to: e.target.value })} data-testid="to-select">
            {m.years
              .filter((y) => m.from === null || y >= m.from)
              .map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
          </select>
        </label>
        {(m.components.length > 0 || m.parts.length > 0) && (
          <label className="control">
            {t('indices.component')}
            <select value={m.component} onChange={(e) => set({ component: e.target.value })} data-testid="component-select">
              <option value="">{t('indices.total')}</option>
              {m.components.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                </option>
              ))}
              {m.parts.length > 0 && (
                <optgroup label={t('indices.showSub')}>
                  {m.parts.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.code} · {c.label}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </label>
        )}
        {(m.level === 'province' || communeView) && (
          <fieldset className="view-switch" data-testid="view-switch">
            <legend>{t(communeView ? 'indices.communeView.label' : 'indices.view.label')}</legend>
            {(['34', '63'] as const).map((v) => (
              <label key={v}>
                <input type="radio" name="province-view" value={v} checked={view === v} onChange={() => setView(v)} data-testid={`view-${v}`} />
                {t(communeView ? `indices.communeView.${v}` : `indices.view.${v}`)}
              </label>
            ))}
          </fieldset>
        )}
      </div>
      {m.fromAnswers && (
        <p className="note" data-testid="sipas-from-answers">
          {m.fromAnswers.mixed ? t('indices.sipasFromAnswersYears', { years: m.fromAnswers.years.join(', ') }) : t('indices.sipasFromAnswers')}{' '}
          <a href="#/sipas">{t('indices.sipasDetails')}</a>
        </p>
      )}
      {m.derivedShown && (
        <p className="note derived-note" data-testid="derived-note">
          {t(communeView ? 'indices.communeDerivedNote' : 'indices.derivedNote')}
        </p>
      )}
      {m.review && (m.review.unmatched.length > 0 || m.review.ambiguous.length > 0) && (
        <details className="note name-review" data-testid="name-review">
          <summary>{t('indices.review.summary', { n: m.review.unmatched.length + m.review.ambiguous.length, province: m.reviewProvince ?? '' })}</summary>
          {m.review.unmatched.length > 0 && (
            <p>
              {t('indices.review.unmatched')} {m.review.unmatched.join('; ')}
            </p>
          )}
          {m.review.ambiguous.length > 0 && (
            <>
              <p>{t('indices.review.ambiguous')}</p>
              <ul>
                {m.review.ambiguous.map((a) => (
                  <li key={a.name}>
                    {a.name}: {a.candidates.join('; ')}
                  </li>
                ))}
              </ul>
            </>
          )}
        </details>
      )}

      <DefinedChart view={indexTrendView} model={m} />
      {m.notes.map((n) => (
        <p key={n} className="note">
          {t(n as MessageKey)}
        </p>
      ))}

      {m.bars.length > 0 && (
        <>
          <DefinedChart view={indexComponentsView} model={m} />
          {m.parts.length > 0 && (
            <button type="button" className="linkish" onClick={() => set({ sub: sub ? undefined : '1' })} data-testid="toggle-sub">
              {sub ? t('indices.hideSub') : t('indices.showSub')}
            </button>
          )}
        </>
      )}

      {m.level === 'province' && (
        <ProvinceMap
          rows={m.mapRows}
          view={view}
          highlight={m.own}
          title={provinceMapCharts[view].title(mapChart, labels)}
          context={provinceMapCharts[view].context?.(mapChart, labels)}
          decimals={m.meta.decimals}
          source={provinceMapCharts[view].source?.(mapChart, labels)}
          bands={m.mapBands}
        />
      )}

      <RankTable
        index={index}
        year={m.year}
        rows={m.rows}
        own={m.own}
        unit={m.unit}
        level={m.level}
        metricName={metricName}
        component={m.component}
        route={route}
      />
    </section>
  );
}
