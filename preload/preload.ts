// The preload: exposes window.workbench and nothing else. Bundled into one CommonJS file that requires
// only electron (a sandboxed preload cannot load anything more).
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createWorkbenchApi } from '../main/common/ipc/workbench-api.js';
import { bridgeTransport } from './transport.js';

contextBridge.exposeInMainWorld('workbench', createWorkbenchApi(bridgeTransport(ipcRenderer, webUtils)));
