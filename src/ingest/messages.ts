// Texts of the import pipeline (problems, previews), merged into the app dictionaries. Vietnamese first.
export const viIngest = {} as const;

export const enIngest: Record<keyof typeof viIngest, string> = {};
