import { useI18n } from '../../i18n/i18n';
import type { CheckStep, CommitStep } from '../../app/importFlow';
import { Progress } from '../../app/ui/Progress';

const STEP_TEXT = {
  reading: 'ui.import.decoding', staging: 'ui.import.staging', checking: 'ui.import.checking', loading: 'ui.import.loading', saving: 'ui.import.saving',
} as const;
const CHECK_STEPS: readonly string[] = ['reading', 'staging', 'checking'] satisfies CheckStep[];

/** Where a file's check (3 steps) or load (2 steps) is, as a progress bar; the engine gives no count within a step. */
export function ImportStepProgress({ step }: { step: CheckStep | CommitStep }) {
  const { t } = useI18n();
  const what = t(STEP_TEXT[step]);
  const i = CHECK_STEPS.indexOf(step);
  const label = i >= 0 ? t('ui.import.checkStep', { n: i + 1, what }) : t('ui.import.commitStep', { n: step === 'loading' ? 1 : 2, what });
  return <Progress label={label} delay={300} testId="import-progress" />;
}
