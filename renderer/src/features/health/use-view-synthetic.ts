// Whether the current view reads synthetic data (for the 合成数据 banner): asked of the engine per
// view and region, again whenever the data basis changes. null while unknown.
import { useEffect, useState } from 'react';
import type { Input } from '../../../../core/ipc/contracts';
import { useEngine } from '../../bridge/engine-context';

type ViewName = Input<'basis.uses'>['view'];

/** Views that read a region's data; the others read every region (or none). */
const REGIONAL: ReadonlySet<ViewName> = new Set(['home', 'transfer', 'aid', 'brief']);

export function useViewSynthetic(view: ViewName, region: string | null, basisVersion: number): boolean | null {
  const engine = useEngine();
  const [synthetic, setSynthetic] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void engine.call('basis.uses', { view, region: REGIONAL.has(view) ? region : null }).then((r) => {
      if (live) setSynthetic(r.ok ? r.value.synthetic : null);
    });
    return () => {
      live = false;
    };
  }, [engine, view, region, basisVersion]);
  return synthetic;
}
