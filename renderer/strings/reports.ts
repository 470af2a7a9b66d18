// The reports screen's user-visible strings (part of strings/index.ts: one place for translations).
export const reportsStrings = {} as const;
