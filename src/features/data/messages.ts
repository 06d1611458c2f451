// Texts of this feature, merged into the app dictionaries (src/i18n/vi.ts, en.ts). Vietnamese first; English typed from it.
export const viData = {} as const;

export const enData: Record<keyof typeof viData, string> = {};
