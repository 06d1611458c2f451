// Texts of this feature, merged into the app dictionaries (src/i18n/vi.ts, en.ts). Vietnamese first; English typed from it.
export const viPar = {} as const;

export const enPar: Record<keyof typeof viPar, string> = {};
