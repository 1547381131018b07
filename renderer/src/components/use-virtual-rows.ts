// Only the rows in view (and a few around them) are rendered when a table is long: a national
// matrix has ~2,900 regions × 14 years. Rows have a fixed height; the space of the rows not drawn
// is kept by a spacer row above and below, so the scroll bar and a sticky header behave as usual.
// Short tables (up to `threshold` rows) are drawn whole. The scrolling element should be keyed by
// the filters shown, so a new filter starts at the top (see Matrix, FailureList).
import { useCallback, useState, type UIEvent } from 'react';

export type VirtualRows = {
  /** Put on the scrolling element. */
  onScroll: (e: UIEvent<HTMLElement>) => void;
  start: number;
  end: number;
  padTop: number;
  padBottom: number;
  virtual: boolean;
};

export function useVirtualRows(count: number, rowHeight: number, viewport: number, threshold = 200, overscan = 10): VirtualRows {
  const [scroll, setScroll] = useState({ top: 0, count });
  const virtual = count > threshold;
  const onScroll = useCallback((e: UIEvent<HTMLElement>) => setScroll({ top: e.currentTarget.scrollTop, count }), [count]);
  // Another row count means other filters: the element was replaced and starts at the top.
  const top = scroll.count === count ? scroll.top : 0;
  if (!virtual) return { onScroll, start: 0, end: count, padTop: 0, padBottom: 0, virtual };
  const start = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((top + viewport) / rowHeight) + overscan);
  return { onScroll, start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight, virtual };
}
