// The 合成数据 notice under the header: shown exactly while the current view reads synthetic
// datasets (from the data basis, for the region in view), not whenever the database holds some.
import { useEffect } from 'react';
import type { Input } from '../../../../core/ipc/contracts';
import { useI18n } from '../../i18n/i18n';
import { useViewSynthetic } from './use-view-synthetic';

export function SyntheticNotice({ view, region, basisVersion, onChange }: { view: Input<'basis.uses'>['view']; region: string | null; basisVersion: number; onChange: (synthetic: boolean) => void }) {
  const { t } = useI18n();
  const synthetic = useViewSynthetic(view, region, basisVersion);
  useEffect(() => onChange(synthetic === true), [synthetic, onChange]);
  if (!synthetic) return null;
  return (
    <div className="synthetic-notice" data-testid="synthetic-notice" data-view={view}>
      {t('syntheticNotice')}
    </div>
  );
}
