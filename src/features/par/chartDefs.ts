// The PAR workspace's charts, each defined once (charts/registry.ts): the page draws them from the year it has scored,
// a slide or the report loads them alone from a pinned view's link.
import type { Db } from '../../db/types';
import type { Route } from '../../app/route';
import type { Settings } from '../../app/settings';
import { sourcesOf, type DatasetInfo } from '../../app/catalogue';
import type { ChartDef, ChartLabels } from '../../charts/registry';
import { lostAcrossUnits, pctOfMax } from '../../domain/parScoring';
import { formatNumber } from '../../i18n/format';
import { horizontalBarOption, selfVsAppraisedOption } from './charts';
import { selfVsAppraisedRows, type GapRow } from './across';
import { fmtPoints } from './format';
import { loadParYear } from './load';
import { PAR_KINDS, type ParUnit, type ParYear } from './model';

/** What a PAR chart reads of its view: the link (year, unit), the bands and commune (settings), the datasets (its source). */
export interface ParChartParams {
  route: Pick<Route, 'params'>;
  settings: Settings;
  datasets: readonly DatasetInfo[];
}

/** Commune-wide figures of a year: the commune's name for the context, the rows drawn. */
export interface ParAcrossModel<R> {
  year: number;
  ownName: string | undefined;
  rows: readonly R[];
  source: string | undefined;
}

export type LostRow = ReturnType<typeof lostAcrossUnits>[number];

export interface ParDomainRow {
  label: string;
  self: number | null;
  appraised: number | null;
}

export interface ParDomainsModel {
  year: number;
  unitName: string;
  rows: readonly ParDomainRow[];
  source: string | undefined;
}

const across = <R>(par: ParYear, rows: readonly R[], source: string | undefined): ParAcrossModel<R> => ({
  year: par.year,
  ownName: par.units.find((u) => u.own)?.unitName,
  rows,
  source,
});

/** The twelve criteria that lose the most points over all units. */
export const parLostModel = (par: ParYear, source: string | undefined) => across(par, lostAcrossUnits(par.units.map((u) => u.score)).slice(0, 12), source);

export const parGapModel = (par: ParYear, source: string | undefined) => across(par, selfVsAppraisedRows(par), source);

/** % of each lĩnh vực's applicable max, self-assessed beside appraised (null until the area is fully appraised). */
export function parDomainsModel(par: ParYear, unit: ParUnit, source: string | undefined): ParDomainsModel {
  const rows = unit.score.nodes
    .filter((n) => n.depth === 0 && n.applicable)
    .map((n) => ({
      label: `${n.code}. ${n.name}`,
      self: pctOfMax(n.self, n.applicableMax),
      appraised: n.missingAppraised ? null : pctOfMax(n.appraised, n.applicableMax),
    }));
  return { year: par.year, unitName: unit.unitName, rows, source };
}

/** The unit a unit view shows: the link's, else the first (the commune itself), so the view never opens empty. */
export const unitOfView = (par: ParYear, asked: string | undefined): ParUnit | undefined => {
  const code = asked ?? par.units[0]?.unitCode;
  return par.units.find((u) => u.unitCode === code);
};

const context = (m: { year: number }, name: string | undefined, { t }: ChartLabels) => [name, t('par.a.context', { year: m.year })].filter(Boolean).join(' · ');
const points = (v: number, l: ChartLabels) => fmtPoints(v, l.locale);
/** A year no view can show (no criteria loaded): the charts say "no data". */
const noYear = (params: Pick<Route, 'params'>) => Number(params.params.year) || 0;

async function loadAcross<R>(db: Db, p: ParChartParams, model: (par: ParYear, source: string | undefined) => ParAcrossModel<R>): Promise<ParAcrossModel<R>> {
  const par = await loadParYear(db, p.route.params.year, p.settings);
  const source = sourcesOf(p.datasets, PAR_KINDS);
  return par ? model(par, source) : { year: noYear(p.route), ownName: undefined, rows: [], source };
}

export const parLostChart: ChartDef<Db, ParChartParams, ParAcrossModel<LostRow>> = {
  id: 'par-lost',
  load: (db, p) => loadAcross(db, p, parLostModel),
  option: (m, l) =>
    horizontalBarOption(
      m.rows.map((r) => ({ label: `${r.code} ${r.name}`, value: r.lost })),
      { axis: l.t('par.a.lostAxis'), series: l.t('par.a.lostSeries'), format: (v) => points(v, l) },
    ),
  title: (m, { t }) => t('par.a.lostTitle', { year: m.year }),
  subtitle: (_m, { t }) => t('par.a.lostSub'),
  context: (m, l) => context(m, m.ownName, l),
  source: (m) => m.source,
  table: (m, l) => ({
    columns: [l.t('par.u.code'), l.t('par.u.criterion'), l.t('par.a.lostAxis'), l.t('par.a.units')],
    rows: m.rows.map((r) => [r.code, r.name, points(r.lost, l), String(r.units)]),
  }),
  height: (m) => Math.max(320, m.rows.length * 34 + 60),
};

export const parGapChart: ChartDef<Db, ParChartParams, ParAcrossModel<GapRow>> = {
  id: 'par-gap',
  load: (db, p) => loadAcross(db, p, parGapModel),
  option: (m, { t, locale }) =>
    selfVsAppraisedOption(
      m.rows.map((g) => ({ label: g.unitName, self: g.selfIndex, appraised: g.appraisedIndex })),
      {
        self: t('par.m.selfLong'),
        appraised: t('par.m.appraisedLong'),
        axis: t('par.a.gapAxis'),
        format: (v) => formatNumber(v, locale, 2),
      },
    ),
  title: (m, { t }) => t('par.a.gapTitle', { year: m.year }),
  subtitle: (_m, { t }) => t('par.a.gapSub'),
  context: (m, l) => context(m, m.ownName, l),
  source: (m) => m.source,
  table: (m, l) => ({
    columns: [l.t('par.m.unit'), l.t('par.m.selfLong'), l.t('par.m.appraisedLong'), l.t('par.a.gapCol')],
    rows: m.rows.map((g) => [g.unitName, formatNumber(g.selfIndex, l.locale, 2), formatNumber(g.appraisedIndex, l.locale, 2), points(g.gapPoints, l)]),
  }),
  height: (m) => Math.max(320, m.rows.length * 44 + 80),
};

export const parDomainsChart: ChartDef<Db, ParChartParams, ParDomainsModel> = {
  id: 'par-unit-domains',
  async load(db, { route, settings, datasets }) {
    const par = await loadParYear(db, route.params.year, settings);
    const unit = par ? unitOfView(par, route.params.unit) : undefined;
    const source = sourcesOf(datasets, PAR_KINDS);
    return par && unit ? parDomainsModel(par, unit, source) : { year: par?.year ?? noYear(route), unitName: route.params.unit ?? '', rows: [], source };
  },
  option: (m, { t, locale }) =>
    selfVsAppraisedOption(m.rows, {
      self: t('par.m.selfLong'),
      appraised: t('par.m.appraisedLong'),
      axis: t('par.m.pct'),
      format: (v) => formatNumber(v, locale, 1),
    }),
  title: (_m, { t }) => t('par.u.domainsTitle'),
  subtitle: (_m, { t }) => t('par.u.domainsSub'),
  context: (m, { t }) => `${m.unitName} · ${t('par.a.context', { year: m.year })}`,
  source: (m) => m.source,
  table: (m, { t, locale }) => ({
    columns: [t('par.u.criterion'), t('par.m.selfLong'), t('par.m.appraisedLong')],
    rows: m.rows.map((r) => [
      r.label,
      r.self === null ? '–' : formatNumber(r.self, locale, 1),
      r.appraised === null ? t('par.notAppraised') : formatNumber(r.appraised, locale, 1),
    ]),
  }),
  height: (m) => Math.max(300, m.rows.length * 44 + 80),
};
