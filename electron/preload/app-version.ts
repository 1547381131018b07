// How the sandboxed preload learns the app version: main appends a switch to the renderer's
// command line (webPreferences.additionalArguments), since a sandboxed preload cannot read
// package.json and should not ask main over IPC for something known when the window is made.

/** Must match APP_VERSION_ARG in electron/main/window-factory.ts (tested). */
export const APP_VERSION_ARG = '--wb-app-version=';

export function appVersionFrom(argv: readonly string[]): string {
  const arg = argv.find((a) => a.startsWith(APP_VERSION_ARG));
  return arg ? arg.slice(APP_VERSION_ARG.length) : '0.0.0';
}
