// The strip under the navigation: the workspace menu (新建工作区 / 打开工作区 / 示范数据), the data
// basis in one line with its editor, and a notice whenever the basis changes (after an import or
// an edit) saying what changed. A workspace with no data offers the three ways to start.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Output } from '../../../../core/ipc/contracts';
import type { AppError } from '../../../../core/result';
import { useEngine } from '../../bridge/engine-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/i18n';
import { yearRanges } from '../../../../core/year-ranges';
import { VIEW_NAMES, viewsReadingAny, type BasisViewId } from '../../../../core/basis/impact';

type Basis = Output<'basis.show'>;

const STAGE: Record<string, { zh: string; en: string }> = { final_accounts: { zh: '决算', en: 'final accounts' }, yearbook: { zh: '年鉴', en: 'yearbook' }, bulletin: { zh: '公告', en: 'bulletin' }, flash: { zh: '快报', en: 'flash' }, budget: { zh: '预算', en: 'budget' }, other: { zh: '其他', en: 'other' } };
type Entry = Basis['summary'][number];


/** What changed between two bases, one phrase per dataset that gained or lost region-years. */
export function basisChanges(before: Basis, after: Basis): string[] {
  const key = (e: Entry) => `${e.input}#${e.datasetId}`;
  const old = new Map(before.summary.map((e) => [key(e), e]));
  const now = new Map(after.summary.map((e) => [key(e), e]));
  const out: string[] = [];
  for (const [k, e] of now) {
    const o = old.get(k);
    if (!o) out.push(`+ ${e.input} #${e.datasetId} ${yearRanges(e.years)}（${e.regions}）`);
    else if (o.years.join() !== e.years.join() || o.regions !== e.regions) out.push(`± ${e.input} #${e.datasetId} ${yearRanges(o.years)} → ${yearRanges(e.years)}`);
  }
  for (const [k, o] of old) if (!now.has(k)) out.push(`− ${o.input} #${o.datasetId} ${yearRanges(o.years)}`);
  return out;
}

/** The inputs whose datasets, regions or years changed between two bases. */
export function changedInputs(before: Basis, after: Basis): string[] {
  const sig = (b: Basis, input: string) => b.summary.filter((e) => e.input === input).map((e) => `${e.datasetId}:${e.regions}:${e.years.join()}`).join('|');
  const inputs = new Set([...before.summary, ...after.summary].map((e) => e.input));
  return [...inputs].filter((i) => sig(before, i) !== sig(after, i));
}

export function WorkspaceBar({ version, onSynthetic }: { version: number; onSynthetic: (synthetic: boolean) => void }) {
  const engine = useEngine();
  const { t, lang } = useI18n();
  const [basis, setBasis] = useState<Basis | null>(null);
  const [notice, setNotice] = useState<{ lines: string[]; views: BasisViewId[] } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [menu, setMenu] = useState(false);
  const [editor, setEditor] = useState(false);
  const previous = useRef<Basis | null>(null);

  const show = useCallback(
    (next: Basis) => {
      const before = previous.current;
      if (before && before.hash !== next.hash) {
        const inputs = changedInputs(before, next);
        // Same coverage but other data read (an override between overlapping datasets): every view of every input may change.
        setNotice({ lines: basisChanges(before, next), views: viewsReadingAny(inputs.length ? inputs : next.summary.map((e) => e.input)) });
      }
      previous.current = next;
      setBasis(next);
      onSynthetic(next.synthetic);
    },
    [onSynthetic],
  );

  useEffect(() => {
    void engine.call('basis.show', { scope: 'consolidated' }).then((r) => (r.ok ? show(r.value) : setError(r.error)));
  }, [engine, version, show]);

  const change = async (input: Parameters<typeof engine.call<'basis.set'>>[1]) => {
    const r = await engine.call('basis.set', input);
    if (r.ok) show(r.value);
    else setError(r.error);
  };

  return (
    <div className="workspace-bar" data-testid="workspace-bar">
      <div className="workspace-row">
        <button type="button" className="button-small" data-testid="workspace-menu-button" onClick={() => setMenu((m) => !m)}>
          {t('wsMenu')} ▾
        </button>
        <span className="basis-line" data-testid="basis-line" title={basis?.rule}>
          {basis ? `${t('basisTitle')} ${basis.hash.slice(0, 12)}：${basis.summary.length ? basis.line.replace(/^[^:]*: /, '') : t('basisEmpty')}` : t('loading')}
        </span>
        <button type="button" className="button-small" data-testid="basis-edit" onClick={() => setEditor((e) => !e)}>
          {t('basisEdit')}
        </button>
      </div>
      {error && <ErrorBanner error={error} />}
      {notice && (
        <div className="basis-notice" role="status" data-testid="basis-notice">
          <strong>{t('basisChanged')}</strong> {notice.lines.length ? notice.lines.join('；') : t('basisChangedSameCoverage')}
          {notice.views.length > 0 && (
            <span className="basis-notice-views" data-testid="basis-notice-views">
              {t('basisNoticeViews', { views: notice.views.map((v) => VIEW_NAMES[v][lang]).join(lang === 'zh' ? '、' : ', ') })}
            </span>
          )}
          <button type="button" className="button-small" data-testid="basis-notice-open" onClick={() => setEditor(true)}>
            {t('basisNoticeOpen')}
          </button>
          <button type="button" className="button-small" onClick={() => setNotice(null)}>
            {t('basisDismiss')}
          </button>
        </div>
      )}
      {menu && <WorkspaceMenu onError={setError} />}
      {basis && basis.summary.length === 0 && !menu && (
        <div className="workspace-welcome" data-testid="workspace-welcome">
          {t('wsWelcome')}
        </div>
      )}
      {editor && basis && <BasisEditor basis={basis} onChange={change} />}
    </div>
  );
}

function WorkspaceMenu({ onError }: { onError: (e: AppError) => void }) {
  const engine = useEngine();
  const { t } = useI18n();
  const [list, setList] = useState<Output<'workspace.list'> | null>(null);
  const [name, setName] = useState('');
  useEffect(() => {
    void engine.call('workspace.list', {}).then((r) => (r.ok ? setList(r.value) : onError(r.error)));
  }, [engine, onError]);
  const go = async (target: string, create?: 'empty' | 'demo') => {
    const r = await engine.call('workspace.switch', create ? { name: target, create } : { name: target });
    // Every view starts again on the other database.
    if (r.ok) window.location.reload();
    else onError(r.error);
  };
  return (
    <div className="workspace-menu" data-testid="workspace-menu">
      <div>
        <label>
          {t('wsNewName')} <input data-testid="workspace-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="my-province" />
        </label>{' '}
        <button type="button" className="button-small" data-testid="workspace-new" disabled={!name} onClick={() => void go(name, 'empty')}>
          {t('wsNew')}
        </button>{' '}
        <button type="button" className="button-small" data-testid="workspace-demo" onClick={() => void go(name || `demo-${Date.now()}`, 'demo')}>
          {t('wsDemo')}
        </button>
      </div>
      <div className="workspace-list">
        {t('wsOpen')}：
        {list?.workspaces.map((w) => (
          <button key={w.name} type="button" className="button-small" data-testid={`workspace-open-${w.name}`} disabled={w.current} onClick={() => void go(w.name)}>
            {w.name}
            {w.current ? ` (${t('wsCurrent')})` : ''}
          </button>
        ))}
      </div>
      {list && <div className="workspace-folder">{t('wsFolder', { folder: list.folder })}</div>}
    </div>
  );
}

function BasisEditor({ basis, onChange }: { basis: Basis; onChange: (input: { scope: 'consolidated'; add?: Basis['overrides'][number]; clear?: boolean }) => Promise<void> }) {
  const { t, lang } = useI18n();
  const inputs = [...new Set(basis.summary.map((s) => s.input))];
  const [input, setInput] = useState(inputs[0] ?? 'expenditure');
  const [datasetId, setDatasetId] = useState<number | null>(basis.summary[0]?.datasetId ?? null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [mode, setMode] = useState<'prefer' | 'exclude'>('exclude');
  const year = (s: string) => (/^\d{4}$/.test(s) ? Number(s) : null);
  return (
    <div className="basis-editor" data-testid="basis-editor">
      <div className="basis-rule">{t('basisRule')}</div>
      <table className="table">
        <thead>
          <tr>
            <th>{t('basisInput')}</th>
            <th>{t('basisDataset')}</th>
            <th>{t('basisStage')}</th>
            <th>{t('basisRegions')}</th>
            <th>{t('basisYears')}</th>
          </tr>
        </thead>
        <tbody>
          {basis.summary.map((s) => (
            <tr key={`${s.input}#${s.datasetId}`} data-testid="basis-row" data-input={s.input} data-dataset={s.datasetId}>
              <td>{s.input}</td>
              <td>
                #{s.datasetId} {s.datasetName}
                {s.synthetic ? ` [${t('syntheticBadge')}]` : ''}
              </td>
              <td>{STAGE[s.stage]?.[lang] ?? s.stage}</td>
              <td className="num">{s.regions}</td>
              <td>{yearRanges(s.years)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="basis-form">
        <select data-testid="basis-input" value={input} onChange={(e) => setInput(e.target.value)}>
          {inputs.map((i) => (
            <option key={i}>{i}</option>
          ))}
        </select>{' '}
        <select data-testid="basis-mode" value={mode} onChange={(e) => setMode(e.target.value as 'prefer' | 'exclude')}>
          <option value="prefer">{t('basisPrefer')}</option>
          <option value="exclude">{t('basisExclude')}</option>
        </select>{' '}
        <input data-testid="basis-dataset" size={5} value={datasetId ?? ''} onChange={(e) => setDatasetId(/^\d+$/.test(e.target.value) ? Number(e.target.value) : null)} placeholder="#" />{' '}
        <input data-testid="basis-from" size={5} value={from} onChange={(e) => setFrom(e.target.value)} placeholder={t('basisFrom')} />–
        <input data-testid="basis-to" size={5} value={to} onChange={(e) => setTo(e.target.value)} placeholder={t('basisTo')} />{' '}
        <button type="button" className="button-small" data-testid="basis-save" disabled={datasetId === null} onClick={() => void onChange({ scope: 'consolidated', add: { input, scope: null, region: null, from: year(from), to: year(to), datasetId: datasetId!, mode, note: null } })}>
          {t('basisSave')}
        </button>{' '}
        <button type="button" className="button-small" data-testid="basis-clear" disabled={basis.overrides.length === 0} onClick={() => void onChange({ scope: 'consolidated', clear: true })}>
          {t('basisClear')}
        </button>
      </div>
      {basis.overrides.length > 0 && (
        <ul className="basis-overrides" data-testid="basis-overrides">
          {basis.overrides.map((o, i) => (
            <li key={i}>
              {o.input} {o.mode === 'prefer' ? t('basisPrefer') : t('basisExclude')} #{o.datasetId} {o.from ?? '…'}–{o.to ?? '…'}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
