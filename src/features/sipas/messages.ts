// Texts of this feature, merged into the app dictionaries (src/i18n/vi.ts, en.ts). Vietnamese first; English typed from it.
export const viSipas = {} as const;

export const enSipas: Record<keyof typeof viSipas, string> = {};
