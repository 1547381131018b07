// The small fixed object the Electron preload exposes as `window.bridge`. It carries native
// actions only; data calls go to the engine over the MessagePort the bridge asks main for.
// In browser mode there is no bridge and the renderer talks to the web host instead.

export const ENGINE_PORT_MESSAGE = 'wb:engine-port';

export type Bridge = {
  readonly host: 'electron';
  readonly appVersion: string;
  /**
   * Ask main for a fresh MessagePort to the engine. The port arrives as a window 'message' event
   * whose data is { type: ENGINE_PORT_MESSAGE } and whose ports[0] is the port.
   */
  requestEnginePort(): void;
  /**
   * Print a self-contained HTML page (a brief) to an A4 PDF with Chromium's printToPDF in main,
   * the footer template carrying the provenance and page numbers. Resolves to the PDF bytes.
   */
  printPdf(html: string, footerTemplate: string): Promise<Uint8Array>;
};

/** IPC channel names between preload and main. */
export const IPC = {
  requestEnginePort: 'engine:request-port',
  enginePort: 'engine:port',
  printPdf: 'brief:print-pdf',
} as const;
