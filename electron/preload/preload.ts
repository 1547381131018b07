// The sandboxed preload: the whole of what the page may ask of the native side is `window.bridge`
// (core/ipc/bridge.ts). No ipcRenderer, no generic invoke, no Node: at run time a sandboxed preload
// can require only 'electron', so the constants imported from core/ are inlined by the bundler
// (scripts/build.mjs → dist/electron/preload.cjs). This entry exports nothing: a preload is a
// script, not a module anyone imports.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ENGINE_PORT_MESSAGE, IPC, type Bridge } from '../../core/ipc/bridge';
import { appVersionFrom } from './app-version';

const bridge = {
  host: 'electron',
  appVersion: appVersionFrom(process.argv),
  requestEnginePort: () => ipcRenderer.send(IPC.requestEnginePort),
  printPdf: (html: string, footerTemplate: string) => ipcRenderer.invoke(IPC.printPdf, html, footerTemplate) as Promise<Uint8Array>,
} satisfies Bridge;

// Ports cannot cross contextBridge; window.postMessage can transfer them into the page's world.
// Every port is forwarded, including fresh ones main sends after an engine restart.
ipcRenderer.on(IPC.enginePort, (event: IpcRendererEvent) => {
  if (event.ports.length === 0) return;
  window.postMessage({ type: ENGINE_PORT_MESSAGE }, '*', event.ports);
});

contextBridge.exposeInMainWorld('bridge', bridge);
