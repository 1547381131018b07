// A labelled choice of region shown as "名称（代码）", shared by the views that work on one region
// at a time (transfer simulator, brief composer).
import type { RegionInfo } from '../../../core/ipc/schemas';

export function RegionSelect({ label, testId, regions, value, onChange }: { label: string; testId: string; regions: readonly Pick<RegionInfo, 'code' | 'name'>[]; value: string; onChange: (code: string) => void }) {
  return (
    <label>
      {label}{' '}
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        {regions.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}（{r.code}）
          </option>
        ))}
      </select>
    </label>
  );
}
