// One unit's year: the big numbers, what it takes to move up, where points were lost or overstated, and its criteria tree.
import { useMemo, useState } from 'react';
import type { Route } from '../../app/route';
import { formatHash } from '../../app/route';
import { replaceParams } from '../../app/useRoute';
import { useSettings } from '../../app/useSettings';
import { parBandsFor } from '../../app/settings';
import { useI18n } from '../../i18n/i18n';
import { formatNumber } from '../../i18n/format';
import { headroom, lostPoints, nextBand, overstated, bandOf, type LeafGap } from '../../domain/parScoring';
import { DefinedChart } from '../../charts/Chart';
import { useSourceOf } from '../../app/DataContext';
import { PAR_KINDS, type ParUnit, type ParYear } from './model';
import { parDomainsChart, parDomainsModel, unitOfView } from './chartDefs';
import { fmtChange, fmtPoints } from './format';
import { UnitTree } from './UnitTree';
import { docCatalogue, unitReadiness, withoutEvidence, type EvidenceDoc } from '../../domain/dossier';
import { useDossier } from './dossier/useDossier';
import { UnitReadiness } from './dossier/Readiness';
import { DocList } from './dossier/DocList';
import { DocPreview } from './dossier/DocPreview';

export function UnitView({ model, route }: { model: ParYear; route: Route }) {
  const { t } = useI18n();
  const unit = unitOfView(model, route.params.unit);
  return (
    <div className="par-unit">
      <label className="control no-print">
        {t('par.unitPick')}
        <select value={unit?.unitCode ?? ''} onChange={(e) => replaceParams(route, { unit: e.target.value, view: 'unit' })} data-testid="par-unit">
          {!unit && <option value="">{t('par.pickUnit')}</option>}
          {model.units.map((u) => (
            <option key={u.unitCode} value={u.unitCode}>
              {u.unitName}
            </option>
          ))}
        </select>
      </label>
      {unit ? (
        <UnitDetail model={model} unit={unit} route={route} />
      ) : (
        <ul className="par-unit-list">
          {model.units.map((u) => (
            <li key={u.unitCode}>
              <a href={formatHash(route.segments, { year: model.year, view: 'unit', unit: u.unitCode })}>{u.unitName}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function UnitDetail({ model, unit, route }: { model: ParYear; unit: ParUnit; route: Route }) {
  const { t, locale } = useI18n();
  const [settings] = useSettings();
  const { dossier } = useDossier();
  const [viewing, setViewing] = useState<EvidenceDoc | null>(null);
  const unitNames = useMemo(() => new Map(model.units.map((u) => [u.unitCode, u.unitName])), [model]);
  const readiness = useMemo(
    () =>
      unitReadiness(
        { year: model.year, unitCode: unit.unitCode },
        unit.score.nodes.filter((n) => n.leaf),
        dossier,
      ),
    [model.year, unit, dossier],
  );
  const lacking = useMemo(
    () =>
      withoutEvidence(
        { year: model.year, unitCode: unit.unitCode },
        unit.score.nodes.filter((n) => n.leaf),
        dossier,
      ),
    [model.year, unit, dossier],
  );
  const cut = parBandsFor(settings, model.year);
  const s = unit.score;
  const complete = s.appraisedIndex !== null;
  // Until the appraisal is finished, "what it takes" is counted on the self-assessment, and says so.
  const basisPoints = complete ? s.appraisedPoints : s.selfPoints;
  const next = nextBand(basisPoints, s.applicableMax, cut);
  const room = headroom(unit.score);
  const roomTotal = room.reduce((a, g) => a + g.value, 0);
  const currentBand = s.applicableMax > 0 ? bandOf((basisPoints / s.applicableMax) * 100, cut) : null;

  return (
    <>
      <h2 className="par-unit-title">{t('par.u.title', { unit: unit.unitName, year: model.year })}</h2>
      <div className="par-kpis">
        <div className="kpi">
          <div className="kpi-label">{t('par.u.index')}</div>
          {complete ? (
            <div className="kpi-value" data-testid="unit-index">
              {formatNumber(s.appraisedIndex, locale, 2)}
            </div>
          ) : (
            <div className="kpi-value pending" data-testid="unit-index">
              {t('par.notAppraised')}
            </div>
          )}
          <div className="kpi-sub">
            {complete
              ? t('par.u.points', { points: fmtPoints(s.appraisedPoints, locale), max: fmtPoints(s.applicableMax, locale) })
              : t('par.missingCount', { count: s.missingAppraised })}
          </div>
        </div>
        <div className="kpi">
          <div className="kpi-label">{t('par.u.selfIndex')}</div>
          <div className="kpi-value self" data-testid="unit-self-index">
            {formatNumber(s.selfIndex, locale, 2)}
          </div>
          <div className="kpi-sub">{t('par.u.points', { points: fmtPoints(s.selfPoints, locale), max: fmtPoints(s.applicableMax, locale) })}</div>
        </div>
        <div className="kpi">
          <div className="kpi-label">{t('par.m.band')}</div>
          <div className="kpi-value">
            {unit.band ? (
              <span className={`band band-${unit.band}`} data-testid="unit-band">
                {t(`par.band.${unit.band}`)}
              </span>
            ) : (
              '–'
            )}
          </div>
          <div className="kpi-sub">
            {t('par.u.rank')}: {unit.rank !== null ? t('par.u.rankOf', { rank: unit.rank, count: model.rankedOf }) : t('par.u.notRanked')}
          </div>
        </div>
        <div className="kpi">
          <div className="kpi-label">{t('par.u.change', { year: model.year - 1 })}</div>
          <div className={`kpi-value change ${unit.change === null ? '' : unit.change > 0 ? 'up' : unit.change < 0 ? 'down' : ''}`}>
            {fmtChange(unit.change, locale)}
          </div>
          <div className="kpi-sub">{unit.prevIndex !== null ? formatNumber(unit.prevIndex, locale, 2) : '–'}</div>
        </div>
      </div>
      <ul className="par-flags">
        {lacking.size > 0 && <li className="flag warn">{t('par.u.missingEvidence', { count: lacking.size })}</li>}
        {s.missingSelf > 0 && <li className="flag warn">{t('par.u.unscored', { count: s.missingSelf })}</li>}
        {s.missingAppraised > 0 && <li className="flag">{t('par.u.unappraised', { count: s.missingAppraised })}</li>}
      </ul>

      <div className="par-panels">
        <section className="panel next" data-testid="par-next">
          <h3>{t('par.u.next')}</h3>
          {next ? (
            <p className="big-line">
              {t('par.u.nextNeed', {
                points: fmtPoints(next.pointsNeeded, locale),
                band: t(`par.band.${next.band}`),
                threshold: formatNumber(next.threshold, locale, 0),
              })}
            </p>
          ) : currentBand ? (
            <p className="big-line">{t('par.u.nextTop', { band: t(`par.band.${currentBand}`) })}</p>
          ) : null}
          {!complete && <p className="note">{t('par.u.nextBasis')}</p>}
          {next && roomTotal < next.pointsNeeded && <p className="note">{t('par.u.nextOut', { points: fmtPoints(roomTotal, locale) })}</p>}
          {room.length > 0 && <GapList title={t('par.u.headroom')} rows={room.slice(0, 6)} testId="par-headroom" />}
        </section>
        <section className="panel">
          <GapList title={t('par.u.lost')} rows={lostPoints(s).slice(0, 6)} empty={t('par.u.noneLost')} testId="par-lost" />
          <GapList title={t('par.u.overstated')} rows={overstated(s).slice(0, 6)} empty={t('par.u.noneOver')} testId="par-overstated" />
        </section>
      </div>

      <UnitReadiness r={readiness} />
      <DomainProfile model={model} unit={unit} />
      <UnitTree model={model} unit={unit} route={route} dossier={dossier} unitNames={unitNames} lacking={lacking} />
      <h3 className="doc-list-title">{t('par.d.listUnit')}</h3>
      <DocList
        entries={docCatalogue(dossier.docs, model.year, unit.unitCode)}
        unitNames={unitNames}
        unitCode={unit.unitCode}
        onView={setViewing}
        testId="unit-doc-list"
      />
      {viewing && (
        <DocPreview
          doc={dossier.docs.find((d) => d.id === viewing.id) ?? viewing}
          from={null}
          unitNames={unitNames}
          onClose={() => setViewing(null)}
          onSaved={() => undefined}
        />
      )}
    </>
  );
}

function GapList({ title, rows, empty, testId }: { title: string; rows: LeafGap[]; empty?: string; testId: string }) {
  const { locale } = useI18n();
  return (
    <div className="gap-list" data-testid={testId}>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ol>
          {rows.map((g) => (
            <li key={g.code}>
              <span className="gap-value">{fmtPoints(g.value, locale)}</span>
              <span className="gap-code">{g.code}</span> {g.name}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** % of each lĩnh vực's applicable max, self-assessed beside appraised: the unit's weak areas at a glance. */
function DomainProfile({ model, unit }: { model: ParYear; unit: ParUnit }) {
  const source = useSourceOf(PAR_KINDS);
  const figures = useMemo(() => parDomainsModel(model, unit, source), [model, unit, source]);
  return <DefinedChart view={parDomainsChart} model={figures} />;
}
