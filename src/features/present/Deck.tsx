// Presentation mode: a full-window deck (full screen where the browser allows). With nothing arranged it runs the
// giao ban sequence — overview, targets, PAR, SIPAS, PAPI/PCI/DTI trends, overdue tasks — followed by the charts the
// user pinned; "Sắp xếp trang" reorders or removes any slide. Slide number and auto-advance live in the URL.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Route } from '../../app/route';
import { replaceParams } from '../../app/useRoute';
import { useData } from '../../app/DataContext';
import { allSources, showsFiction, sourcesOf } from '../../app/catalogue';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../i18n/format';
import { OverviewCards } from './embeds';
import { SlideChart, usePinnedChart } from './PinnedChart';
import { PinOrder } from './PinOrder';
import { FitBox } from './FitBox';
import { useDeckOrder } from './usePins';
import { OverdueSlideBody, PLAN_KINDS, TargetsSlideBody } from '../plan/slides';
import { isDemoLabel } from './report';
import { useCommune } from './useCommune';
import {
  AUTO_INTERVALS,
  autoFromParam,
  buildSlides,
  deckKeyAction,
  deckSequence,
  giaoBanSequence,
  isChartPin,
  isEditingTarget,
  nextLooping,
  slideFromParam,
  type Slide,
} from './slides';
import { exitFullscreen, requestFullscreen, safeFrom } from './openDeck';
import type { Pin } from './pins';
import './present.css';

const IDLE_MS = 2500;
/** How long a slide waits for its chart before saying it is gone (its queries run first). */
const MISSING_MS = 15_000;

/** True once a slide has waited MISSING_MS. */
function useLate(): boolean {
  const [late, setLate] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setLate(true), MISSING_MS);
    return () => clearTimeout(timer);
  }, []);
  return late;
}

/** The pin's title while its chart loads, or why it cannot be drawn. */
function SlideWait({ pin, missing }: { pin: Pin; missing: boolean }) {
  const { t } = useI18n();
  return (
    <div className="slide-wait">
      <h1 className="slide-title">{pin.title}</h1>
      <p>{missing ? t('present.missing') : t('present.loading')}</p>
    </div>
  );
}

function useSources(): { sources: string[]; demo: boolean } {
  const { datasets } = useData();
  return useMemo(() => ({ sources: allSources(datasets).filter((s) => !isDemoLabel(s)), demo: showsFiction(datasets) }), [datasets]);
}

function OverviewSlide() {
  const { t, locale } = useI18n();
  const commune = useCommune();
  const { sources, demo } = useSources();
  return (
    <div className="slide-chart slide-overview">
      <header className="slide-head">
        <h1 className="slide-title">{t('present.overviewSlide')}</h1>
        <p className="slide-corner" data-testid="slide-context">
          {[commune?.name, t('present.updated', { date: formatDateTime(new Date(), locale) })].filter(Boolean).join(' · ')}
        </p>
      </header>
      <FitBox className="slide-cards">
        <OverviewCards large />
      </FitBox>
      <footer className="slide-foot">
        {sources.length > 0 && (
          <span>
            {t('source.label')}: {sources.join('; ')}
          </span>
        )}
        {demo && <span className="slide-demo">{t('app.demoBadge')}</span>}
      </footer>
    </div>
  );
}

/** The kinds of data the plan's slides are drawn from: the plan and what its targets measure. */
const PLAN_SLIDE_KINDS = [...PLAN_KINDS, 'sipas_responses', 'par_criteria', 'par_scores', 'index_scores'];

/** A slide of the plan (targets, overdue tasks): title, the commune and the day, the table scaled to the slide, sources. */
function PlanSlide({ title, kind }: { title: string; kind: 'targets' | 'overdue' }) {
  const { t, locale } = useI18n();
  const commune = useCommune();
  const { datasets } = useData();
  const source = sourcesOf(
    datasets.filter((d) => !isDemoLabel(d.source ?? '')),
    PLAN_SLIDE_KINDS,
  );
  const demo = showsFiction(datasets);
  return (
    <div className="slide-chart slide-plan" data-slide-plan={kind}>
      <header className="slide-head">
        <h1 className="slide-title">{title}</h1>
        <p className="slide-corner" data-testid="slide-context">
          {[commune?.name, t('present.updated', { date: formatDateTime(new Date(), locale) })].filter(Boolean).join(' · ')}
        </p>
      </header>
      <FitBox className="slide-cards">{kind === 'targets' ? <TargetsSlideBody /> : <OverdueSlideBody />}</FitBox>
      <footer className="slide-foot">
        {source && (
          <span>
            {t('source.label')}: {source}
          </span>
        )}
        {demo && <span className="slide-demo">{t('app.demoBadge')}</span>}
      </footer>
    </div>
  );
}

/** One pinned chart, drawn alone from its definition (chartRegistry.ts). */
function ChartSlide({ pin }: { pin: Pin }) {
  const pinned = usePinnedChart(pin);
  const late = useLate();
  return pinned.status === 'ready' ? <SlideChart drawing={pinned.drawing} /> : <SlideWait pin={pin} missing={pinned.status === 'missing' || late} />;
}

function SlideView({ slide }: { slide: Slide }) {
  const { t } = useI18n();
  if (slide.kind === 'overview') return <OverviewSlide />;
  if (slide.kind === 'targets' || slide.kind === 'overdue') return <PlanSlide kind={slide.kind} title={t(`present.slide.${slide.kind}`)} />;
  return <ChartSlide pin={slide.pin} />;
}

export function Deck({ route }: { route: Route }) {
  const { t } = useI18n();
  const deck = useDeckOrder();
  const giaoBan = useMemo(
    () =>
      giaoBanSequence({
        overview: t('present.overviewSlide'),
        targets: t('present.slide.targets'),
        par: t('present.slide.par'),
        sipas: t('present.slide.sipas'),
        trend: (index) => t('present.slide.trend', { index }),
        overdue: t('present.slide.overdue'),
      }),
    [t],
  );
  const slides = useMemo(() => buildSlides(deckSequence(deck.pins, deck.arranged, giaoBan)), [deck.pins, deck.arranged, giaoBan]);
  const index = slideFromParam(route.params.slide, slides.length);
  const auto = autoFromParam(route.params.auto);
  const from = safeFrom(route.params.from);
  const slide = slides[index] ?? slides[0]!;
  const [idle, setIdle] = useState(false);
  const [ordering, setOrdering] = useState(false);
  const [fullscreen, setFullscreen] = useState(() => !!document.fullscreenElement);
  const root = useRef<HTMLDivElement>(null);

  const routeRef = useRef(route);
  routeRef.current = route;
  const go = useCallback((i: number) => replaceParams(routeRef.current, { slide: i + 1 }), []);
  const exit = useCallback(() => {
    exitFullscreen();
    window.location.hash = from;
  }, [from]);

  // Keys: ← → Space PageUp/Down Home End move, Esc leaves (or closes the list first).
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (isEditingTarget(e.target as HTMLElement | null)) return;
      if (ordering) {
        if (e.key === 'Escape') setOrdering(false);
        return;
      }
      const a = deckKeyAction(e, index, slides.length);
      if (a.type === 'none') return;
      e.preventDefault();
      if (a.type === 'exit') exit();
      else if (a.index !== index) go(a.index);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, slides.length, ordering, go, exit]);

  // Esc in full screen is taken by the browser to leave full screen: leave the deck with it.
  const wasFullscreen = useRef(!!document.fullscreenElement);
  useEffect(() => {
    function onChange() {
      const now = !!document.fullscreenElement;
      setFullscreen(now);
      if (wasFullscreen.current && !now) exit();
      wasFullscreen.current = now;
    }
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [exit]);
  // Left by the browser's Back button or a link: full screen ends with the deck.
  useEffect(
    () => () => {
      if (!window.location.hash.startsWith('#/present')) exitFullscreen();
    },
    [],
  );

  // The cursor and the controls hide after a moment without mouse movement.
  useEffect(() => {
    let timer = setTimeout(() => setIdle(true), IDLE_MS);
    function wake() {
      setIdle(false);
      clearTimeout(timer);
      timer = setTimeout(() => setIdle(true), IDLE_MS);
    }
    window.addEventListener('mousemove', wake);
    window.addEventListener('mousedown', wake);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('mousemove', wake);
      window.removeEventListener('mousedown', wake);
    };
  }, []);

  useEffect(() => {
    if (!auto || ordering) return;
    const timer = setTimeout(() => go(nextLooping(index, slides.length)), auto * 1000);
    return () => clearTimeout(timer);
  }, [auto, index, slides.length, ordering, go]);

  useEffect(() => {
    root.current?.focus();
  }, []);

  return (
    <div
      className={`deck${idle && !ordering ? ' idle' : ''}`}
      ref={root}
      tabIndex={-1}
      role="region"
      aria-roledescription={t('present.title')}
      aria-label={t('present.title')}
      data-testid="deck"
    >
      <section className="slide" data-testid="deck-slide" data-kind={slide.kind} data-index={index} key={slide.key} aria-live="polite">
        <SlideView slide={slide} />
      </section>
      <nav className="deck-controls" aria-label={t('present.title')}>
        <button type="button" onClick={() => go(Math.max(0, index - 1))} disabled={index === 0} aria-label={t('present.prev')} data-testid="deck-prev">
          ‹
        </button>
        <span className="deck-position" data-testid="deck-position">
          {t('present.position', { n: index + 1, total: slides.length })}
        </span>
        <button
          type="button"
          onClick={() => go(Math.min(slides.length - 1, index + 1))}
          disabled={index === slides.length - 1}
          aria-label={t('present.next')}
          data-testid="deck-next"
        >
          ›
        </button>
        <label className="deck-auto">
          {t('present.auto')}{' '}
          <select value={auto} onChange={(e) => replaceParams(routeRef.current, { auto: Number(e.target.value) || null })} data-testid="deck-auto">
            {(AUTO_INTERVALS.includes(auto as (typeof AUTO_INTERVALS)[number]) ? AUTO_INTERVALS : [...AUTO_INTERVALS, auto]).map((s) => (
              <option key={s} value={s}>
                {s ? t('present.autoEvery', { s }) : t('present.autoOff')}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setOrdering((o) => !o)} aria-expanded={ordering} data-testid="deck-order-open">
          {t('present.order')}
        </button>
        {!fullscreen && typeof document.documentElement.requestFullscreen === 'function' && (
          <button type="button" className="deck-fullscreen" onClick={requestFullscreen}>
            {t('present.fullscreen')}
          </button>
        )}
        <button type="button" onClick={exit} data-testid="deck-exit">
          {t('present.exit')}
        </button>
      </nav>
      {ordering && (
        <PinOrder
          pins={slides.map((s) => s.pin)}
          onChange={deck.arrange}
          onOpen={go}
          onClose={() => setOrdering(false)}
          onReset={deck.arranged ? () => deck.reset(deck.pins.filter(isChartPin)) : undefined}
        />
      )}
    </div>
  );
}
