// The webContents the window factory created. The IPC guard trusts only these, so a DevTools
// front end, a stray offscreen page or anything else Chromium spawns cannot talk to main.

type Tracked = { readonly id: number; once(event: 'destroyed', listener: () => void): unknown };

const ours = new Set<number>();

export function trackWorkbenchContents(contents: Tracked): void {
  // Read the id now: a destroyed webContents can no longer be asked for it.
  const id = contents.id;
  ours.add(id);
  contents.once('destroyed', () => ours.delete(id));
}

export function isWorkbenchContents(id: number): boolean {
  return ours.has(id);
}
