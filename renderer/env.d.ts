// Ambient types for the renderer: Vite's (CSS imports) and the bridge the preload exposes.
/// <reference types="vite/client" />
import type { WorkbenchApi } from '../main/common/ipc/workbench-api.js';

declare global {
  interface Window {
    workbench: WorkbenchApi;
  }
}

export {};
