// #/plan "Kế hoạch": the commune plan's targets (Chỉ tiêu) with their status, its tasks (Nhiệm vụ), and the periodic
// report (quý / 6 tháng / năm). Every view's state is in its link (year, unit, period), so a shared link reopens it.
import type { Route } from '../../app/route';
import { useI18n } from '../../i18n/i18n';
import { TargetsView } from './TargetsView';
import { TasksView } from './TasksView';
import { ReportView } from './ReportView';
import './plan.css';

const TABS = [
  { key: 'targets', seg: '', label: 'plan.tab.targets' },
  { key: 'tasks', seg: 'tasks', label: 'plan.tab.tasks' },
  { key: 'report', seg: 'report', label: 'plan.tab.report' },
] as const;

export function PlanPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const seg = route.segments[1] ?? '';
  const tab = TABS.find((x) => x.seg === seg) ?? TABS[0];
  // The year travels between the tabs.
  const year = route.params.year ? `?year=${encodeURIComponent(route.params.year)}` : '';
  return (
    <section className="plan-page" data-testid="plan-page">
      <h1 className="plan-screen-title">{t('plan.title')}</h1>
      <nav className="tabs plan-tabs" aria-label={t('plan.title')}>
        {TABS.map((x) => (
          <a
            key={x.key}
            href={`#/plan${x.seg ? `/${x.seg}` : ''}${year}`}
            aria-current={x.key === tab.key ? 'page' : undefined}
            data-testid={`plan-tab-${x.key}`}
          >
            {t(x.label)}
          </a>
        ))}
      </nav>
      {tab.key === 'targets' && <TargetsView route={route} />}
      {tab.key === 'tasks' && <TasksView route={route} />}
      {tab.key === 'report' && <ReportView route={route} />}
    </section>
  );
}
