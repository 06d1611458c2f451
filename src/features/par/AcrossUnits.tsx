// Commune-wide: which criteria lose the most points (where to act) and who over-scores itself.
import { useMemo } from 'react';
import { DefinedChart } from '../../charts/Chart';
import { useSourceOf } from '../../app/DataContext';
import { useI18n } from '../../i18n/i18n';
import { formatNumber } from '../../i18n/format';
import { PAR_KINDS, type ParYear } from './model';
import { fmtPoints } from './format';
import { domainLosses } from './across';
import { parGapChart, parGapModel, parLostChart, parLostModel } from './chartDefs';

export function AcrossUnits({ model }: { model: ParYear }) {
  const { t, locale } = useI18n();
  const source = useSourceOf(PAR_KINDS);
  // The charts' figures, memoised on the scored year: their options are built again only when it changes.
  const lost = useMemo(() => parLostModel(model, source), [model, source]);
  const gap = useMemo(() => parGapModel(model, source), [model, source]);
  const domains = domainLosses(model);
  const fmtP = (v: number) => fmtPoints(v, locale);
  return (
    <div className="par-across">
      <DefinedChart view={parLostChart} model={lost} />
      <h2>{t('par.a.domainTitle')}</h2>
      <table className="data-table" data-testid="par-domain-losses">
        <thead>
          <tr>
            <th scope="col">{t('par.u.code')}</th>
            <th scope="col">{t('par.u.criterion')}</th>
            <th scope="col" className="num">
              {t('par.a.lostAxis')}
            </th>
            <th scope="col" className="num">
              {t('par.m.pct')}
            </th>
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
      <DefinedChart view={parGapChart} model={gap} />
    </div>
  );
}
