// Sandboxed preload: exposes the bridge as window.yardstick and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('yardstick', createBridge(ipcRenderer));
