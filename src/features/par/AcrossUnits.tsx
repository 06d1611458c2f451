// Commune-wide: which criteria lose the most points (where to act) and who over-scores itself.
import { Chart } from '../../charts/Chart';
import { useSourceOf } from '../../app/DataContext';
import { useI18n } from '../../i18n/i18n';
import { formatNumber } from '../../i18n/format';
import { lostAcrossUnits } from '../../domain/parScoring';
import { PAR_KINDS, type ParYear } from './model';
import { horizontalBarOption, selfVsAppraisedOption } from './charts';
import { fmtPoints } from './format';
import { domainLosses, selfVsAppraisedRows } from './across';

export function AcrossUnits({ model }: { model: ParYear }) {
  const { t, locale } = useI18n();
  const lost = lostAcrossUnits(model.units.map((u) => u.score)).slice(0, 12);
  const gap = selfVsAppraisedRows(model);
  const domains = domainLosses(model);
  const fmtP = (v: number) => fmtPoints(v, locale);
  const fmtI = (v: number) => formatNumber(v, locale, 2);
  const own = model.units.find((u) => u.own);
  const source = useSourceOf(PAR_KINDS);
  const context = [own?.unitName, t('par.a.context', { year: model.year })].filter(Boolean).join(' · ');
  return (
    <div className="par-across">
      <Chart
        source={source}
        id="par-lost"
        title={t('par.a.lostTitle', { year: model.year })}
        subtitle={t('par.a.lostSub')}
        context={context}
        option={horizontalBarOption(lost.map((l) => ({ label: `${l.code} ${l.name}`, value: l.lost })), { axis: t('par.a.lostAxis'), series: t('par.a.lostSeries'), format: fmtP })}
        table={{
          columns: [t('par.u.code'), t('par.u.criterion'), t('par.a.lostAxis'), t('par.a.units')],
          rows: lost.map((l) => [l.code, l.name, fmtP(l.lost), String(l.units)]),
        }}
        height={Math.max(320, lost.length * 34 + 60)}
      />
      <h2>{t('par.a.domainTitle')}</h2>
      <table className="data-table" data-testid="par-domain-losses">
        <thead>
          <tr>
            <th scope="col">{t('par.u.code')}</th>
            <th scope="col">{t('par.u.criterion')}</th>
            <th scope="col" className="num">{t('par.a.lostAxis')}</th>
            <th scope="col" className="num">{t('par.m.pct')}</th>
          </tr>
        </thead>
        <tbody>
          {domains.map((d) => (
            <tr key={d.code}>
              <td>{d.code}</td>
              <td>{d.name}</td>
              <td className="num">{fmtP(d.lost)}</td>
              <td className="num">{formatNumber(d.pctLost, locale, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Chart
        source={source}
        id="par-gap"
        title={t('par.a.gapTitle', { year: model.year })}
        subtitle={t('par.a.gapSub')}
        context={context}
        option={selfVsAppraisedOption(gap.map((g) => ({ label: g.unitName, self: g.selfIndex, appraised: g.appraisedIndex })), { self: t('par.m.selfLong'), appraised: t('par.m.appraisedLong'), axis: t('par.a.gapAxis'), format: fmtI })}
        table={{
          columns: [t('par.m.unit'), t('par.m.selfLong'), t('par.m.appraisedLong'), t('par.a.gapCol')],
          rows: gap.map((g) => [g.unitName, fmtI(g.selfIndex), fmtI(g.appraisedIndex), fmtP(g.gapPoints)]),
        }}
        height={Math.max(320, gap.length * 44 + 80)}
      />
    </div>
  );
}
