// User settings, kept in localStorage and validated with zod on the way back in (old or hand-edited values fall back to defaults).
// zod/mini (same checks, a fraction of the bytes): settings are read before the first view draws.
import * as z from 'zod/mini';
import type { BandCutoffs } from '../domain/parScoring';
import { DEFAULT_PAR_BANDS } from '../domain/indices';

const percent = () => z.number().check(z.minimum(0), z.maximum(100));

const BandCutoffsSchema = z.object({
  excellent: percent(), // Xuất sắc ≥
  good: percent(), //      Tốt ≥
  fair: percent(), //      Khá ≥
  average: percent(), //   Trung bình ≥ ; below: Yếu
}) satisfies z.ZodMiniType<BandCutoffs>;

const SettingsSchema = z.object({
  /** The user's province, as named in the data (63 former or 34 new). */
  province: z._default(z.nullable(z.string()), null),
  /** The user's commune (unit_code in PAR/SIPAS data). */
  commune: z._default(z.nullable(z.string()), null),
  /**
   * The SIPAS target — one row of the plan's targets (domain/plan.ts sipasTargetRow), kept here so every page reads
   * it before the engine starts: "phấn đấu mức độ hài lòng đạt trên 90%" — threshold in %, per-year overrides, and
   * the comparison as the plan writes it ("trên" = '>', strictly above; "từ … trở lên" = '>=').
   */
  sipasTarget: z._default(percent(), 90),
  sipasTargetByYear: z._default(z.record(z.string(), percent()), {}),
  sipasTargetOp: z._default(z.enum(['>', '>=']), '>'),
  /** PAR bands: provinces set their own cut-offs (unconfirmed), so they are editable, per year if needed. */
  parBands: z._default(BandCutoffsSchema, { ...DEFAULT_PAR_BANDS }),
  parBandsByYear: z._default(z.record(z.string(), BandCutoffsSchema), {}),
  /** Province view across the 2025 merger: the 34 new provinces or the 63 former ones. */
  provinceView: z._default(z.enum(['34', '63']), '34'),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

export function restoreSettings(raw: string | null): Settings {
  if (!raw) return DEFAULT_SETTINGS;
  try {
    const r = SettingsSchema.safeParse(JSON.parse(raw));
    return r.success ? r.data : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function sipasTargetFor(s: Settings, year: number): number {
  return s.sipasTargetByYear[String(year)] ?? s.sipasTarget;
}

/** The SIPAS target of a year as the plan's target row compares it: threshold and comparison. */
export function sipasTargetRuleFor(s: Settings, year: number): { threshold: number; op: '>' | '>=' } {
  return { threshold: sipasTargetFor(s, year), op: s.sipasTargetOp };
}

export function parBandsFor(s: Settings, year: number): BandCutoffs {
  return s.parBandsByYear[String(year)] ?? s.parBands;
}
