// Globals that every runtime hosting core/ provides (Node ≥ 18, Chromium, Electron), declared here
// because core/ compiles without the DOM and Node libraries on purpose.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
