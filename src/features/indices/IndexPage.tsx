import { useCallback, useMemo } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useQuery } from '../../app/useQuery';
import { useSettings } from '../../app/useSettings';
import { sipasTargetFor } from '../../app/settings';
import { replaceParams } from '../../app/useRoute';
import type { Route } from '../../app/route';
import { Chart } from '../../charts/Chart';
import { INDEX_CODES, INDICES, type IndexCode } from '../../domain/indices';
import { provinceInView, type ProvinceView } from '../../domain/merger';
import { rankRows, standingsFor } from '../../domain/standing';
import { median } from '../../domain/stats';
import type { UnitTotal } from '../../domain/trend';
import { formatNumber } from '../../i18n/format';
import { vi, type MessageKey } from '../../i18n/vi';
import { componentBarsOption, indexTrendOption } from './charts';
import { componentTotals, levelOf, localUnits, peersAt, withCommuneSipas, yearsOf, type Level } from './model';
import { communeKeyInView, formerLines, reviewNames } from '../../domain/communeMerger';
import { communeIndexFor } from './communeCrosswalk';
import { fetchComponents, fetchCrosswalk, fetchSipasPooled, fetchSources, fetchUnitName, fetchUnitTotals } from './unitTotals';
import type { Db } from '../../db/types';
import { run } from '../../sql/sql';
import { parFieldsQuery } from './queries';
import { useUnits } from '../../app/useUnits';
import { RankTable } from './RankTable';
import { ProvinceMap } from './map/ProvinceMap';
import './indices.css';

async function loadIndex(db: Db, index: IndexCode, commune: string | null, province: string | null) {
  const [cw, published, components, sources] = [await fetchCrosswalk(db), await fetchUnitTotals(db, index), await fetchComponents(db, index), await fetchSources(db, index)];
  // SIPAS of the user's commune: its published score of a year, else the rate from its own survey answers (pooled) —
  // the one rule the overview card follows too (withCommuneSipas).
  let totals = published;
  // The years taken from answers, and whether other years of the commune are published scores.
  let fromAnswers: { years: number[]; mixed: boolean } | null = null;
  if (index === 'SIPAS' && commune) {
    const name = (await fetchUnitName(db, commune)) ?? commune;
    const own = withCommuneSipas(published, commune, name, await fetchSipasPooled(db, commune));
    totals = own.totals;
    if (own.fromAnswers.length) fromAnswers = { years: own.fromAnswers.map((r) => r.year), mixed: published.some((u) => u.unitCode === commune) };
  }
  const parFields = index === 'PAR' ? new Map((await run<{ code: string; name: string }>(db, parFieldsQuery)).map((r) => [r.code, r.name])) : new Map<string, string>();
  // Local units across the commune merger, when a province's commune crosswalk knows their names (communeCrosswalk.ts).
  const communes = await communeIndexFor(db, cw, province, localUnits(cw, totals));
  return { cw, totals, components, sources, fromAnswers, parFields, communes };
}

/**
 * Component code → label: PAPI dimensions and sub-dimensions by name, PAR lĩnh vực by the name in the loaded criteria
 * (else by number), else the code.
 */
const NO_FIELDS: ReadonlyMap<string, string> = new Map();

function useComponentLabel(index: IndexCode, parFields: ReadonlyMap<string, string> = NO_FIELDS) {
  const { t } = useI18n();
  return useCallback(
    (code: string) => {
      const key = (index === 'PAPI' ? (/^D\d$/.test(code) ? `indices.papi.dim.${code.slice(1)}` : `indices.papi.sub.${code}`) : '') as MessageKey;
      if (key && key in vi) return t(key);
      if (index === 'PAR' && parFields.has(code)) return `${code}. ${parFields.get(code)}`;
      if (index === 'PAR' && /^\d+$/.test(code)) return t('indices.parField', { code });
      return code;
    },
    [index, parFields, t],
  );
}

export function IndexPage({ index, route }: { index: IndexCode; route: Route }) {
  const { t, locale } = useI18n();
  const [settings, updateSettings] = useSettings();
  const mine = useUnits();
  const meta = INDICES[index];
  const p = route.params;
  const view: ProvinceView = p.view === '63' || p.view === '34' ? p.view : mine.view;
  const sub = p.sub === '1';
  // Waits for the user's units to be known, so the demo's commune is never drawn first.
  const q = useQuery((db) => (mine.ready ? loadIndex(db, index, mine.commune, mine.province) : new Promise<never>(() => {})), [index, mine.commune, mine.province, mine.ready]);
  const fmt = (v: number | null) => formatNumber(v, locale, meta.decimals);
  const label = useComponentLabel(index, q.data?.parFields);

  const model = useMemo(() => {
    if (!q.data) return null;
    const { cw, totals, components, communes: ix } = q.data;
    // A local unit's key in the view: a former commune maps to its new one and back, when the crosswalk knows it.
    const local = localUnits(cw, totals);
    const localKey = (key: string) => (ix ? communeKeyInView(ix, local, key, view) : key);
    // The unit: from the link, else the user's commune (PAR/SIPAS, when it has data), else the user's province.
    const localPeers = peersAt(cw, totals, 'local', view, ix);
    const myCommune = mine.commune === null ? null : localKey(mine.commune);
    const defaultUnit =
      (index === 'PAR' || index === 'SIPAS') && localPeers.some((u) => u.unitCode === myCommune) ? myCommune : provinceInView(cw, mine.province, view);
    const asked = p.unit ?? defaultUnit ?? '';
    const level: Level = levelOf(cw, asked);
    const unit = level === 'province' ? provinceInView(cw, asked, view) ?? asked : localKey(asked);
    const own = level === 'province' ? provinceInView(cw, mine.province, view) : myCommune;
    const cx = level === 'local' ? ix : null;
    const compByCode = componentTotals(index, components, 'top');
    const subByCode = index === 'PAPI' ? componentTotals(index, components, 'sub') : new Map<string, UnitTotal[]>();
    const component = p.component && (compByCode.has(p.component) || subByCode.has(p.component)) ? p.component : '';
    const metricTotals = component ? compByCode.get(component) ?? subByCode.get(component)! : totals;
    const peers = peersAt(cw, metricTotals, level, view, cx);
    const totalPeers = peersAt(cw, totals, level, view, cx);
    // A component's own years (PAPI e-governance only from 2018); the total's years otherwise.
    const years = yearsOf(component || !totalPeers.length ? peers : totalPeers);
    const year = years.includes(Number(p.year)) ? Number(p.year) : years.at(-1) ?? null;
    const from = years.includes(Number(p.from)) ? Number(p.from) : years[0] ?? null;
    const to = years.includes(Number(p.to)) ? Number(p.to) : years.at(-1) ?? null;
    const standings = standingsFor(peers, unit, meta.decimals).filter((s) => from !== null && to !== null && s.year >= from && s.year <= to);
    const unitName = peers.find((u) => u.unitCode === unit || u.unitName === unit)?.unitName ?? unit;
    const rows = year === null ? [] : rankRows(peers, year, meta);
    // Components of the chosen year: the unit against the median and the best of complete peers.
    const compSource = sub ? subByCode : compByCode;
    const bars = [...compSource.entries()].flatMap(([code, list]) => {
      const ofYear = peersAt(cw, list, level, view, cx).filter((u) => u.year === year && u.nPresent >= u.nExpected);
      if (!ofYear.length) return [];
      const vals = ofYear.map((u) => u.total);
      const mineRow = ofYear.find((u) => u.unitCode === unit || u.unitName === unit);
      return [{ code, label: label(code), unit: mineRow?.total ?? null, median: median(vals), best: Math.max(...vals) }];
    });
    const derivedShown = view === '34' && (level === 'province' || cx !== null) && peers.some((u) => u.derived);
    // On the 34 view, a merged province's former provinces, as published, beside the computed mean.
    const members = level === 'province' && view === '34' ? cw.members.get(unit) ?? [] : [];
    const formerTotals = members.length > 1 ? peersAt(cw, metricTotals, 'province', '63') : [];
    const formers = members.length > 1
      ? members.map((mb) => ({
          name: mb.oldProvince,
          values: standings.map((s) => {
            const f = formerTotals.find((u) => u.year === s.year && u.unitName === mb.oldProvince);
            return f && f.nPresent >= f.nExpected ? f.total : null;
          }),
        }))
      : cx && view === '34'
        ? formerLines(cx, localUnits(cw, metricTotals), unit).map((l) => ({ name: l.name, values: standings.map((s) => l.byYear.get(s.year) ?? null) }))
        : [];
    // Names the commune view could not place, for the user to check.
    const review = cx && view === '34' ? reviewNames(cx, local) : null;
    // Years in which the unit's own value is computed from former units (drawn hollow, marked in the table).
    const computedYears = new Set(peers.filter((u) => u.derived && (u.unitCode === unit || u.unitName === unit)).map((u) => u.year));
    return { cw, computedYears, level, unit, unitName, own, years, year, from, to, standings, rows, bars, component, compByCode, subByCode, derivedShown, peers, formers, local, review };
  }, [q.data, index, view, p.unit, p.year, p.from, p.to, p.component, sub, mine.commune, mine.province, meta, label]);

  const setView = (v: ProvinceView) => {
    updateSettings({ provinceView: v });
    // The unit follows: a former province or commune maps to its new one; a new one to the former one of its name.
    const ix = q.data?.communes ?? null;
    const unit = !model || !p.unit ? p.unit
      : model.level === 'province' ? provinceInView(model.cw, p.unit, v) ?? p.unit
      : ix ? communeKeyInView(ix, model.local, p.unit, v) : p.unit;
    replaceParams(route, { view: v, unit });
  };

  const tabs = (
    <nav className="tabs" aria-label={t('indices.pick')}>
      {INDEX_CODES.map((c) => (
        <a key={c} href={`#/indices/${c}${p.unit ? `?unit=${encodeURIComponent(p.unit)}` : ''}`} aria-current={c === index ? 'page' : undefined}>{t(`index.short.${c}`)}</a>
      ))}
    </nav>
  );
  if (q.error) return <section>{tabs}<h1>{t(`index.${index}`)}</h1><p className="error" role="alert">{q.error}</p></section>;
  if (q.loading || !model) return <section>{tabs}<h1>{t(`index.${index}`)}</h1><div className="chart-skeleton" aria-busy="true" /></section>;
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
  const target = index === 'SIPAS' ? sipasTargetFor(settings, m.year) : null;
  // On the local level with the commune crosswalk, the switch is about communes (xã, phường), not provinces.
  const communeView = m.level === 'local' && q.data!.communes !== null;
  const sources = index === 'PAPI' && q.data!.sources.includes('PAPI, UNDP & CECODES') ? [t('source.papi'), ...q.data!.sources.filter((x) => x !== 'PAPI, UNDP & CECODES')] : [...q.data!.sources];
  if (communeView && m.derivedShown) {
    // The crosswalk used: the file(s) the user loaded for the province, else the shipped one.
    const files = [...new Set(q.data!.communes!.communes.flatMap((c) => (c.source ? [c.source] : [])))];
    sources.push(files.length ? t('source.communesLoaded', { files: files.join(', ') }) : t('source.communes2025'));
  }
  const source = sources.join('; ') || undefined;
  const formerName = (name: string) => t(communeView ? 'indices.formerCommuneLine' : 'indices.formerLine', { name });
  const metricName = m.component ? label(m.component) : t('indices.total');
  const context = `${m.unitName} · ${m.component ? metricName + ' · ' : ''}${m.from}–${m.to}`;
  // With no peers there is no median or best to compare with: those lines are left out, not drawn on top of the unit.
  const points = m.standings.map((s) => ({ year: s.year, unit: s.value, median: s.of > 1 ? s.median : null, best: s.of > 1 ? s.best : null, computed: m.computedYears.has(s.year) }));
  const trend = indexTrendOption(points, meta, {
    unit: m.unitName, median: t('indices.series.medianPeers'), best: t('indices.series.bestPeer'),
    target: t('indices.series.target', { target: `${formatNumber(target, locale, 0)}%` }),
    breakLabel: (year) => t('series.break', { year }), yAxis: meta.scale === 'percent' ? t('indices.axis.percent') : t('indices.axis.score'), xAxis: t('axis.year'), formatValue: fmt,
  }, target, m.formers.map((f) => ({ ...f, name: formerName(f.name) })));
  const percentBars = index !== 'PAPI' && q.data!.components.some((c) => c.max_score);
  const barsOption = componentBarsOption(m.bars, {
    unit: m.unitName, median: t('indices.series.medianPeers'), best: t('indices.series.bestPeer'),
    xAxis: percentBars ? t('indices.axis.percent') : t('indices.axis.score'), formatValue: (v) => formatNumber(v, locale, 2),
  });
  const unitOptions = [...new Map(m.peers.map((u) => [u.unitCode, u.unitName])).entries()].sort(([, a], [, b]) => a.localeCompare(b, 'vi'));
  const mapRows = m.rows.map((r) => ({ province: r.unit.unitName, value: r.complete ? r.unit.total : null }));
  const set = (changes: Record<string, string | number | undefined>) => replaceParams(route, changes);

  return (
    <section className="index-page">
      {tabs}
      <h1>{t(`index.${index}`)}</h1>
      <div className="index-controls">
        <label className="control">
          {t('indices.unit')}
          <select value={m.level === 'province' ? m.unitName : m.unit} onChange={(e) => set({ unit: e.target.value })} data-testid="unit-select">
            {!unitOptions.some(([c, n]) => n === m.unitName || c === m.unit) && <option value={m.unit}>{m.unitName}</option>}
            {unitOptions.map(([code, name]) => (
              <option key={code} value={m.level === 'province' ? name : code}>{name}</option>
            ))}
          </select>
        </label>
        <label className="control">
          {t('indices.year')}
          <select value={m.year} onChange={(e) => set({ year: e.target.value })} data-testid="year-select">
            {[...m.years].reverse().map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <label className="control">
          {t('indices.from')}
          <select value={m.from ?? ''} onChange={(e) => set({ from: e.target.value })} data-testid="from-select">
            {m.years.filter((y) => m.to === null || y <= m.to).map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <label className="control">
          {t('indices.to')}
          <select value={m.to ?? ''} onChange={(e) => set({ to: e.target.value })} data-testid="to-select">
            {m.years.filter((y) => m.from === null || y >= m.from).map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        {(m.compByCode.size > 0 || m.subByCode.size > 0) && (
          <label className="control">
            {t('indices.component')}
            <select value={m.component} onChange={(e) => set({ component: e.target.value })} data-testid="component-select">
              <option value="">{t('indices.total')}</option>
              {[...m.compByCode.keys()].map((c) => <option key={c} value={c}>{label(c)}</option>)}
              {m.subByCode.size > 0 && (
                <optgroup label={t('indices.showSub')}>
                  {[...m.subByCode.keys()].map((c) => <option key={c} value={c}>{c} · {label(c)}</option>)}
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
      {q.data!.fromAnswers && (
        <p className="note" data-testid="sipas-from-answers">
          {q.data!.fromAnswers.mixed ? t('indices.sipasFromAnswersYears', { years: q.data!.fromAnswers.years.join(', ') }) : t('indices.sipasFromAnswers')}{' '}
          <a href="#/sipas">{t('indices.sipasDetails')}</a>
        </p>
      )}
      {m.derivedShown && <p className="note derived-note" data-testid="derived-note">{t(communeView ? 'indices.communeDerivedNote' : 'indices.derivedNote')}</p>}
      {m.review && (m.review.unmatched.length > 0 || m.review.ambiguous.length > 0) && (
        <details className="note name-review" data-testid="name-review">
          <summary>{t('indices.review.summary', { n: m.review.unmatched.length + m.review.ambiguous.length, province: q.data!.communes!.province })}</summary>
          {m.review.unmatched.length > 0 && <p>{t('indices.review.unmatched')} {m.review.unmatched.join('; ')}</p>}
          {m.review.ambiguous.length > 0 && (
            <>
              <p>{t('indices.review.ambiguous')}</p>
              <ul>{m.review.ambiguous.map((a) => <li key={a.name}>{a.name}: {a.candidates.join('; ')}</li>)}</ul>
            </>
          )}
        </details>
      )}

      <Chart
        id="index-trend"
        title={t('indices.trendTitle', { index: `${t(`index.short.${index}`)}${m.component ? ' · ' + metricName : ''}`, unit: m.unitName, from: m.from ?? '', to: m.to ?? '' })}
        subtitle={m.computedYears.size ? `${t('indices.trendSub')}. ${t('indices.computedPoints')}` : t('indices.trendSub')}
        context={context}
        option={trend}
        source={source}
        table={{
          columns: [t('col.year'), m.unitName, t('indices.series.medianPeers'), t('indices.series.bestPeer'), t('col.rank'), ...m.formers.map((f) => formerName(f.name))],
          rows: m.standings.map((s, i) => [String(s.year), m.computedYears.has(s.year) && s.value !== null ? `${fmt(s.value)} (${t('indices.derivedTag')})` : fmt(s.value), fmt(s.median), fmt(s.best), s.rank !== null ? `${s.rank}/${s.of}` : '–', ...m.formers.map((f) => fmt(f.values[i] ?? null))]),
        }}
      />
      {meta.breaks.length > 0 && index === 'PAPI' && <p className="note">{t('note.papiBreak')}</p>}

      {m.bars.length > 0 && (
        <>
          <Chart
            id="index-components"
            title={t('indices.componentsTitle', { year: m.year, unit: m.unitName })}
            subtitle={percentBars ? t('indices.componentsSubPct') : t('indices.componentsSub')}
            context={`${m.unitName} · ${m.year}`}
            option={barsOption}
            height={Math.max(320, 56 + m.bars.length * 46)}
            source={source}
            table={{
              columns: [t('indices.col.component'), m.unitName, t('indices.series.medianPeers'), t('indices.series.bestPeer')],
              rows: m.bars.map((b) => [b.label, formatNumber(b.unit, locale, 2), formatNumber(b.median, locale, 2), formatNumber(b.best, locale, 2)]),
            }}
          />
          {index === 'PAPI' && (
            <button type="button" className="linkish" onClick={() => set({ sub: sub ? undefined : '1' })} data-testid="toggle-sub">
              {sub ? t('indices.hideSub') : t('indices.showSub')}
            </button>
          )}
        </>
      )}

      {m.level === 'province' && (
        <ProvinceMap
          rows={mapRows}
          view={view}
          highlight={m.own}
          title={t('indices.mapTitle', { index: `${t(`index.short.${index}`)}${m.component ? ' · ' + metricName : ''}`, year: m.year })}
          context={`${t(`indices.view.${view}`)} · ${m.year}`}
          decimals={meta.decimals}
          source={source}
          bands={index === 'PAR' && !m.component ? [{ label: t('card.band.below'), min: 0 }, { label: t('card.band.B'), min: 80 }, { label: t('card.band.A'), min: 90 }] : null}
        />
      )}

      <RankTable index={index} year={m.year} rows={m.rows} own={m.own} unit={m.unit} level={m.level} metricName={metricName} component={m.component} route={route} />
    </section>
  );
}

