// Texts of this feature, merged into the app dictionaries (src/i18n/vi.ts, en.ts). Vietnamese first; English typed from it.
export const viIndices = {} as const;

export const enIndices: Record<keyof typeof viIndices, string> = {};
