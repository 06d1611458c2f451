// Texts of this feature, merged into the app dictionaries (src/i18n/vi.ts, en.ts). Vietnamese first; English typed from it.
export const viPresent = {} as const;

export const enPresent: Record<keyof typeof viPresent, string> = {};
