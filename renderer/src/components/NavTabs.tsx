// The workbench's views: 生均经费 (home), 合规检查, 转移支付模拟, 简报, 数据集, 导入, 审计与备份.
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

export type View = 'home' | 'compliance' | 'transfer' | 'targets' | 'aid' | 'brief' | 'datasets' | 'import' | 'audit' | 'health';
const VIEWS: readonly { view: View; label: MessageKey }[] = [
  { view: 'home', label: 'navHome' },
  { view: 'compliance', label: 'navCompliance' },
  { view: 'transfer', label: 'navTransfer' },
  { view: 'targets', label: 'navTargets' },
  { view: 'aid', label: 'navAid' },
  { view: 'brief', label: 'navBrief' },
  { view: 'datasets', label: 'navDatasets' },
  { view: 'health', label: 'navHealth' },
  { view: 'import', label: 'navImport' },
  { view: 'audit', label: 'navAudit' },
];

export function NavTabs({ view, onChange }: { view: View; onChange: (v: View) => void }) {
  const { t } = useI18n();
  return (
    <nav className="app-nav" aria-label={t('navLabel')}>
      <div role="tablist">
        {VIEWS.map((v) => (
          <button key={v.view} type="button" role="tab" aria-selected={view === v.view} className={view === v.view ? 'active' : undefined} data-testid={`nav-${v.view}`} onClick={() => onChange(v.view)}>
            {t(v.label)}
          </button>
        ))}
      </div>
    </nav>
  );
}
