// The deck and the report speak for the commune the plan does (one hook: features/plan/useCommune.ts).
export { useCommune } from '../plan/useCommune';
