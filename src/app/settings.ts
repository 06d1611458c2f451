// User settings, kept in localStorage and validated with zod on the way back in (old or hand-edited values fall back to defaults).
import { z } from 'zod';
import type { BandCutoffs } from '../domain/parScoring';

const BandCutoffsSchema = z.object({
  excellent: z.number().min(0).max(100), // Xuất sắc ≥
  good: z.number().min(0).max(100), //      Tốt ≥
  fair: z.number().min(0).max(100), //      Khá ≥
  average: z.number().min(0).max(100), //   Trung bình ≥ ; below: Yếu
}) satisfies z.ZodType<BandCutoffs>;

const SettingsSchema = z.object({
  /** The user's province, as named in the data (63 former or 34 new). */
  province: z.string().nullable().default(null),
  /** The user's commune (unit_code in PAR/SIPAS data). */
  commune: z.string().nullable().default(null),
  /** SIPAS target in %, "phấn đấu mức độ hài lòng đạt trên 90%"; per-year overrides by year. */
  sipasTarget: z.number().min(0).max(100).default(90),
  sipasTargetByYear: z.record(z.string(), z.number().min(0).max(100)).default({}),
  /** PAR bands: provinces set their own cut-offs (unconfirmed), so they are editable, per year if needed. */
  parBands: BandCutoffsSchema.default({ excellent: 90, good: 80, fair: 70, average: 50 }),
  parBandsByYear: z.record(z.string(), BandCutoffsSchema).default({}),
  /** Province view across the 2025 merger: the 34 new provinces or the 63 former ones. */
  provinceView: z.enum(['34', '63']).default('34'),
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

export function parBandsFor(s: Settings, year: number): BandCutoffs {
  return s.parBandsByYear[String(year)] ?? s.parBands;
}
