// The scenario being edited: its overlay, with undo and redo. A slider drag sends many values; they
// count as one edit while the same parameter keeps changing (within a second), so undo steps back
// over a whole gesture, not one pixel.
import { useCallback, useRef, useState } from 'react';
import { setParameter, type OverlayEntry, type TransferKey } from '../../../../core/transfer/parameters';

type History = { past: OverlayEntry[][]; present: OverlayEntry[]; future: OverlayEntry[][] };

const COALESCE_MS = 1000;

export function useScenarioEditor(initial: OverlayEntry[]) {
  const [h, setH] = useState<History>({ past: [], present: initial, future: [] });
  const last = useRef<{ key: string; at: number } | null>(null);

  const replace = useCallback((overlay: OverlayEntry[]) => {
    last.current = null;
    setH({ past: [], present: overlay, future: [] });
  }, []);

  const apply = useCallback((next: (o: OverlayEntry[]) => OverlayEntry[], key: string | null) => {
    const now = Date.now();
    const coalesce = key !== null && last.current?.key === key && now - last.current.at < COALESCE_MS;
    last.current = key === null ? null : { key, at: now };
    setH((prev) => {
      const present = next(prev.present);
      if (JSON.stringify(present) === JSON.stringify(prev.present)) return prev;
      return { past: coalesce ? prev.past : [...prev.past, prev.present], present, future: [] };
    });
  }, []);

  const set = useCallback((key: TransferKey, value: number) => apply((o) => setParameter(o, key, value), key), [apply]);
  const reset = useCallback((key: string) => apply((o) => o.filter((e) => e.key !== key), null), [apply]);
  const setOverlay = useCallback((overlay: OverlayEntry[]) => apply(() => overlay, null), [apply]);

  const undo = useCallback(() => {
    last.current = null;
    setH((prev) => (prev.past.length ? { past: prev.past.slice(0, -1), present: prev.past[prev.past.length - 1]!, future: [prev.present, ...prev.future] } : prev));
  }, []);
  const redo = useCallback(() => {
    last.current = null;
    setH((prev) => (prev.future.length ? { past: [...prev.past, prev.present], present: prev.future[0]!, future: prev.future.slice(1) } : prev));
  }, []);

  return { overlay: h.present, canUndo: h.past.length > 0, canRedo: h.future.length > 0, set, reset, setOverlay, replace, undo, redo };
}
