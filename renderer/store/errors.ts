// Messages for the error area: problems that concern no single card (a dialog, a drop, settings).
import type { StateCreator } from 'zustand';
import type { WorkbenchState } from './index.js';

export interface ErrorMessage {
  id: number;
  message: string;
}

export interface ErrorsSlice {
  errors: ErrorMessage[];
  pushError(message: string): void;
  dismissError(id: number): void;
  clearErrors(): void;
}

let nextId = 1;

export const createErrorsSlice: StateCreator<WorkbenchState, [], [], ErrorsSlice> = (set) => ({
  errors: [],
  pushError: (message) =>
    set((s) => {
      // The same failure twice in a row (a retried drop) would only push the content down.
      if (s.errors.some((e) => e.message === message)) return s;
      return { errors: [...s.errors, { id: nextId++, message }] };
    }),
  dismissError: (id) => set((s) => ({ errors: s.errors.filter((e) => e.id !== id) })),
  clearErrors: () => set({ errors: [] }),
});
