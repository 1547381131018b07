// Every IPC message main accepts passes through here: it must come from the main frame of a
// window the factory created, currently showing app://workbench. A message from anywhere else
// (a sub-frame, a page that got navigated, an unknown webContents) is dropped and logged, never
// answered — the VS Code "validated ipcMain" pattern.
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { isAppUrl } from './app-url';
import { isWorkbenchContents } from './window-registry';

export type SenderFacts = {
  webContentsId: number;
  /** Created by our window factory (window-registry). */
  ours: boolean;
  /** The sending frame; null once it navigated away or was destroyed. */
  frame: { url: string; isMainFrame: boolean } | null;
};

/** Why a sender is refused, or null when it is trusted. */
export function senderRefusal(facts: SenderFacts): string | null {
  if (!facts.ours) return `webContents ${facts.webContentsId} was not created by the window factory`;
  if (!facts.frame) return 'the sending frame is gone';
  if (!facts.frame.isMainFrame) return `the sender is a sub-frame (${facts.frame.url})`;
  if (!isAppUrl(facts.frame.url)) return `the sender is not app://workbench (${facts.frame.url})`;
  return null;
}

export function isTrustedSender(facts: SenderFacts): boolean {
  return senderRefusal(facts) === null;
}

/** Read the facts off an Electron event. */
export function senderFacts(event: IpcMainEvent | IpcMainInvokeEvent, isOurs: (id: number) => boolean = isWorkbenchContents): SenderFacts {
  const id = event.sender.id;
  const frame = event.senderFrame;
  if (!frame) return { webContentsId: id, ours: isOurs(id), frame: null };
  // A top-level frame has no parent; comparing with the webContents' main frame also rules out
  // a top-level frame of some other page that shares the process.
  const isMainFrame = frame.parent === null && frame.frameTreeNodeId === event.sender.mainFrame.frameTreeNodeId;
  return { webContentsId: id, ours: isOurs(id), frame: { url: frame.url, isMainFrame } };
}

/**
 * ipcMain.on with the sender check in front. Returns a function that removes the listener.
 * Handlers receive only trusted events, so they never repeat the check.
 */
export function onTrusted(channel: string, handler: (event: IpcMainEvent) => void, log: (line: string) => void): () => void {
  const listener = (event: IpcMainEvent) => {
    const why = senderRefusal(senderFacts(event));
    if (why !== null) {
      log(`refused IPC '${channel}': ${why}`);
      return;
    }
    handler(event);
  };
  ipcMain.on(channel, listener);
  return () => {
    ipcMain.removeListener(channel, listener);
  };
}

/**
 * ipcMain.handle (request and reply) with the same sender check: an untrusted invoke is refused
 * with an error the caller sees, and logged.
 */
export function handleTrusted(channel: string, handler: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>, log: (line: string) => void): () => void {
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    const why = senderRefusal(senderFacts(event));
    if (why !== null) {
      log(`refused IPC '${channel}': ${why}`);
      throw new Error('refused');
    }
    return handler(event, ...args);
  });
  return () => ipcMain.removeHandler(channel);
}
