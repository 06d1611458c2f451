// Texts of this feature, merged into the app dictionaries (src/i18n/vi.ts, en.ts). Vietnamese first; English typed from it.
export const viOverview = {} as const;

export const enOverview: Record<keyof typeof viOverview, string> = {};
