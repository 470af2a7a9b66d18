// The customer screen's user-visible strings (part of strings/index.ts: one place for translations).
export const customerStrings = {} as const;
