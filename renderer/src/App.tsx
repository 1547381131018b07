// The workbench shell: connects to the engine, loads the region tree, keeps the user's choices
// (language, unit, region, year, scope, divisor) and lays out header, tree and view.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { EngineClient } from '../../core/ipc/client';
import type { Output } from '../../core/ipc/contracts';
import type { MoneyUnit } from '../../core/money/fen';
import type { AppError } from '../../core/result';
import { EngineContext } from './bridge/engine-context';
import { connectEngine } from './bridge/connect';
import { ErrorBanner } from './components/ErrorBanner';
import { NavTabs, type View } from './components/NavTabs';
import { RegionTree } from './components/RegionTree';
import { Segmented } from './components/Segmented';
import { ViewBoundary } from './components/ViewBoundary';
import { ComplianceView } from './features/compliance/ComplianceView';
import { DatasetsView } from './features/datasets/DatasetsView';
import { HomeView, type HomeSelection } from './features/home/HomeView';
import { ImportView } from './features/import/ImportView';
import { TransferView } from './features/transfer/TransferView';
import { BriefView } from './features/brief/BriefView';
import { AuditView } from './features/audit/AuditView';
import { AidView } from './features/aid/AidView';
import { TargetsView } from './features/targets/TargetsView';
import { RecoveryView } from './features/audit/RecoveryView';
import { WorkspaceBar } from './features/workspace/WorkspaceBar';
import { WorkbenchTools } from './keyboard/WorkbenchTools';
import { HealthView } from './features/health/HealthView';
import { SyntheticNotice } from './features/health/SyntheticNotice';
import { I18nContext, makeTranslate, unitLabel } from './i18n/i18n';
import type { Lang } from './i18n/messages';
import { loadPrefs, savePrefs, type Prefs } from './prefs';

type Boot =
  | { status: 'connecting' }
  | { status: 'failed'; error: AppError }
  | { status: 'recovery'; engine: EngineClient; recovery: NonNullable<Output<'app.info'>['recovery']> }
  | { status: 'ready'; engine: EngineClient; info: Output<'app.info'>; tree: Output<'regions.tree'>; defaultRegion: string | null };

export function App() {
  const [prefs, setPrefs] = useState<Prefs>(loadPrefs);
  const [boot, setBoot] = useState<Boot>({ status: 'connecting' });
  const [lost, setLost] = useState<string | null>(null);
  const [view, setView] = useState<View>('home');
  const [focusDataset, setFocusDataset] = useState<number | null>(null);
  // The import wizard keeps its state while the user looks elsewhere.
  const [importOpened, setImportOpened] = useState(false);
  // Bumped after every import: the data basis strip reloads and says what changed.
  const [dataVersion, setDataVersion] = useState(0);
  const [synthetic, setSynthetic] = useState(false);
  // Bumped whenever the data basis strip sees a new basis: the 合成数据 notice asks again.
  const [basisVersion, setBasisVersion] = useState(0);
  const onBasis = useCallback(() => setBasisVersion((v) => v + 1), []);
  const i18n = useMemo(() => ({ lang: prefs.lang, t: makeTranslate(prefs.lang) }), [prefs.lang]);
  const { t } = i18n;

  useEffect(() => {
    document.documentElement.lang = prefs.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('appTitle');
  }, [prefs.lang, t]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const engine = await connectEngine((why) => setLost(why));
        const info = await engine.call('app.info', {});
        if (cancelled) return;
        if (!info.ok) return setBoot({ status: 'failed', error: info.error });
        // A damaged database: only the backups can be offered until one is restored.
        if (info.value.recovery) return setBoot({ status: 'recovery', engine, recovery: info.value.recovery });
        const tree = await engine.call('regions.tree', {});
        if (cancelled) return;
        if (!tree.ok) return setBoot({ status: 'failed', error: tree.error });
        // The first province at start (the demo province on a fresh install); kept when imports add regions.
        const regions = tree.value.regions;
        const defaultRegion = regions.find((r) => r.level === 'province')?.code ?? regions[0]?.code ?? null;
        setBoot({ status: 'ready', engine, info: info.value, tree: tree.value, defaultRegion });
      } catch (e) {
        if (!cancelled) setBoot({ status: 'failed', error: { code: 'internal', message: (e as Error).message } });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const update = useCallback((p: Partial<Prefs>) => setPrefs((prev) => savePrefs({ ...prev, ...p })), []);

  const navigate = useCallback((v: View) => {
    setView(v);
    if (v === 'import') setImportOpened(true);
    if (v !== 'datasets') setFocusDataset(null);
  }, []);

  // An import may add regions (a national file on a provincial database): reload the tree.
  const engineReady = boot.status === 'ready' ? boot.engine : null;
  const onCommitted = useCallback(() => {
    if (!engineReady) return;
    setDataVersion((v) => v + 1);
    void engineReady.call('regions.tree', {}).then((tree) => {
      if (tree.ok) setBoot((b) => (b.status === 'ready' ? { ...b, tree: tree.value } : b));
    });
  }, [engineReady]);

  const regions = boot.status === 'ready' ? boot.tree.regions : [];
  // 合成数据 exactly while the current view reads synthetic datasets (SyntheticNotice asks per view and region).
  const showSynthetic = boot.status === 'ready' && synthetic;
  const regionCode = prefs.regionCode && regions.some((r) => r.code === prefs.regionCode) ? prefs.regionCode : boot.status === 'ready' ? boot.defaultRegion : null;
  const region = regions.find((r) => r.code === regionCode);

  return (
    <I18nContext.Provider value={i18n}>
      <div className="app">
        <header className="app-header">
          <div className="brand">
            <h1>{t('appTitle')}</h1>
            <span className="subtitle">{t('appSubtitle')}</span>
            {showSynthetic && (
              <span className="badge badge-synthetic" data-testid="synthetic-badge" title={t('syntheticNotice')}>
                {t('syntheticBadge')}
              </span>
            )}
          </div>
          <div className="header-controls">
            <Segmented testId="unit-switch" label={t('unit')} value={prefs.unit} onChange={(unit: MoneyUnit) => update({ unit })} options={(['元', '万元', '亿元'] as const).map((u) => ({ value: u, label: unitLabel(u, prefs.lang) }))} />
            <Segmented testId="lang-switch" label={t('language')} value={prefs.lang} onChange={(lang: Lang) => update({ lang })} options={[{ value: 'zh', label: '中文' }, { value: 'en', label: 'English' }]} />
            <WorkbenchTools />
          </div>
        </header>
        {lost && <ErrorBanner error={{ code: 'internal', message: t('engineLost', { why: lost }) }} />}
        {boot.status === 'connecting' && <div className="boot">{t('connecting')}</div>}
        {boot.status === 'failed' && <ErrorBanner error={boot.error} />}
        {boot.status === 'recovery' && (
          <EngineContext.Provider value={boot.engine}>
            <RecoveryView message={boot.recovery.message} backups={boot.recovery.backups} />
          </EngineContext.Provider>
        )}
        {boot.status === 'ready' && (
          <EngineContext.Provider value={boot.engine}>
            <SyntheticNotice view={view} region={regionCode} basisVersion={basisVersion} onChange={setSynthetic} />
            {boot.info.readOnly && (
              <div className="read-only-notice" role="status" data-testid="read-only-notice">
                {t('readOnlyNotice', { message: boot.info.readOnly.message })}
              </div>
            )}
            <NavTabs view={view} onChange={navigate} />
            <WorkspaceBar version={dataVersion} onSynthetic={onBasis} />
            {view === 'home' && (
              <div className="layout">
                <aside className="sidebar">
                  <RegionTree regions={regions} selected={regionCode} onSelect={(code) => update({ regionCode: code })} />
                </aside>
                {region && (
                  <HomeView
                    region={region}
                    unit={prefs.unit}
                    appVersion={boot.info.appVersion}
                    selection={{ regionCode: region.code, year: prefs.year, scope: prefs.scope, divisor: prefs.divisor }}
                    onChange={(s: Partial<HomeSelection>) => update(s)}
                  />
                )}
              </div>
            )}
            {view === 'compliance' && (
              <div className="layout layout-full">
                <ViewBoundary>
                  <ComplianceView unit={prefs.unit} appVersion={boot.info.appVersion} />
                </ViewBoundary>
              </div>
            )}
            {view === 'transfer' && (
              <div className="layout layout-full">
                <ViewBoundary>
                  <TransferView regions={regions} initialRegion={regionCode} unit={prefs.unit} />
                </ViewBoundary>
              </div>
            )}
            {view === 'targets' && (
              <div className="layout layout-full">
                <ViewBoundary>
                  <TargetsView regions={regions} initialRegion={regionCode} unit={prefs.unit} />
                </ViewBoundary>
              </div>
            )}
            {view === 'aid' && (
              <div className="layout layout-full">
                <ViewBoundary>
                  <AidView regions={regions} initialRegion={regionCode} unit={prefs.unit} />
                </ViewBoundary>
              </div>
            )}
            {view === 'brief' && (
              <div className="layout layout-full">
                <ViewBoundary>
                  <BriefView regions={regions} initialRegion={regionCode} />
                </ViewBoundary>
              </div>
            )}
            {view === 'datasets' && (
              <div className="layout layout-full">
                <ViewBoundary>
                  <DatasetsView focusId={focusDataset} appVersion={boot.info.appVersion} />
                </ViewBoundary>
              </div>
            )}
            {view === 'health' && (
              <div className="layout layout-full">
                <ViewBoundary>
                  <HealthView appVersion={boot.info.appVersion} version={basisVersion} />
                </ViewBoundary>
              </div>
            )}
            {view === 'audit' && (
              <div className="layout layout-full">
                <ViewBoundary>
                  <AuditView readOnly={boot.info.readOnly !== null} />
                </ViewBoundary>
              </div>
            )}
            {importOpened && (
              <div className="layout layout-full" hidden={view !== 'import'}>
                <ImportView
                  onCommitted={onCommitted}
                  onOpenDatasets={(id) => {
                    navigate('datasets');
                    setFocusDataset(id);
                  }}
                />
              </div>
            )}
            <footer className="app-footer">{t('footerVersion', { version: boot.info.appVersion, schema: boot.info.schemaVersion })} · {boot.info.databaseFile}</footer>
          </EngineContext.Provider>
        )}
      </div>
    </I18nContext.Provider>
  );
}
