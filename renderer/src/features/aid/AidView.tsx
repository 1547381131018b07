// 学生资助: need by item (with the central and local shares and the budget gap), the standards used
// with their legal sources, the detail by county, and the quota allocation with the 不漏一人 check.
import { useMemo, useState } from 'react';
import type { Output } from '../../../../core/ipc/contracts';
import type { RegionInfo } from '../../../../core/ipc/schemas';
import { AID_ITEM_INFO } from '../../../../core/aid/items';
import { levelInfo, type LevelCode } from '../../../../core/levels';
import type { Fen, MoneyUnit } from '../../../../core/money/fen';
import type { AppError } from '../../../../core/result';
import { useEngine } from '../../bridge/engine-context';
import { saveBytes } from '../../bridge/save-file';
import { ErrorBanner } from '../../components/ErrorBanner';
import { RegionSelect } from '../../components/RegionSelect';
import { money } from '../../format/numbers';
import { useEngineQuery } from '../../hooks/use-engine-query';
import { useI18n } from '../../i18n/i18n';
import { aidText, missingLabel } from './text';

const LEVELS: readonly LevelCode[] = ['senior', 'sec_voc', 'primary', 'junior', 'preschool'];
const FACTORS = ['students', 'eligible', 'economic', 'fiscal'] as const;
type Factor = (typeof FACTORS)[number];

export function AidView({ regions, initialRegion, unit }: { regions: readonly RegionInfo[]; initialRegion: string | null; unit: MoneyUnit }) {
  const { lang } = useI18n();
  const t = useMemo(() => aidText(lang), [lang]);
  const engine = useEngine();
  const choices = useMemo(() => regions.filter((r) => r.validTo === null && (r.level === 'county' || regions.some((c) => c.parentCode === r.code))), [regions]);
  const [regionCode, setRegionCode] = useState(() => choices.find((r) => r.code === initialRegion)?.code ?? choices[0]?.code ?? '');
  const datasets = useEngineQuery('datasets.list', {});
  const years = useMemo(() => {
    if (datasets.state.status !== 'ready') return [];
    const ys = new Set<number>();
    for (const d of datasets.state.value.datasets) if (d.kind === 'aid' && d.firstYear !== null && d.lastYear !== null) for (let y = d.firstYear; y <= d.lastYear; y++) ys.add(y);
    return [...ys].sort((a, b) => b - a);
  }, [datasets.state]);
  const [yearChoice, setYearChoice] = useState<number | null>(null);
  const year = yearChoice ?? years[0] ?? null;
  const need = useEngineQuery('aid.need', { regionCode, year: year ?? 2024 });

  const [level, setLevel] = useState<LevelCode>('senior');
  const [coverage, setCoverage] = useState('20');
  const [weights, setWeights] = useState<Record<Factor, string>>({ students: '30', eligible: '50', economic: '10', fiscal: '10' });
  const [minRatio, setMinRatio] = useState('100');
  const [alloc, setAlloc] = useState<Output<'aid.allocate'> | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const weightTotal = FACTORS.reduce((s, f) => s + (Number(weights[f]) || 0), 0);
  const allocationInput = () => ({
    regionCode,
    year: year ?? 2024,
    level: level as 'senior' | 'sec_voc' | 'primary' | 'junior' | 'preschool',
    coverage: Math.round(Number(coverage) * 100),
    weights: Object.fromEntries(FACTORS.map((f) => [f, Number(weights[f]) || 0])) as Record<Factor, number>,
    minRatio: Math.round(Number(minRatio) * 100),
  });

  const run = async () => {
    setError(null);
    const reply = await engine.call('aid.allocate', allocationInput());
    if (reply.ok) setAlloc(reply.value);
    else setError(reply.error);
  };
  const exportXlsx = async () => {
    setError(null);
    const reply = await engine.call('aid.export', { need: { regionCode, year: year ?? 2024 }, ...(alloc?.ok ? { allocation: allocationInput() } : {}) });
    if (!reply.ok) return setError(reply.error);
    saveBytes(reply.value.fileName, reply.value.bytes);
    setSaved(reply.value.fileName);
  };

  const itemName = (item: keyof typeof AID_ITEM_INFO) => (lang === 'zh' ? AID_ITEM_INFO[item].zh : AID_ITEM_INFO[item].en);
  const levelName = (l: string) => (lang === 'zh' ? levelInfo(l as LevelCode).zh : levelInfo(l as LevelCode).en);
  // Money arrives as whole 分 (the engine's contract); money() formats it exactly.
  const m = (fen: number | null) => money(fen as Fen | null, unit);
  const unitText = t('moneyIn', { unit });

  return (
    <div className="home aid-view" data-testid="aid-view">
      <h2 className="view-title">{t('title')}</h2>
      <p className="table-note">{t('intro')}</p>
      <div className="toolbar">
        <RegionSelect label={t('region')} testId="aid-region" regions={choices} all={regions} value={regionCode} onChange={(c) => { setRegionCode(c); setAlloc(null); }} />
        <label>
          {t('year')}{' '}
          <select data-testid="aid-year" value={year ?? ''} onChange={(e) => { setYearChoice(Number(e.target.value)); setAlloc(null); }}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{unitText}</span>
        <button type="button" data-testid="aid-export" onClick={() => void exportXlsx()}>
          {t('exportXlsx')}
        </button>
        {saved && <span className="muted">{t('saved', { file: saved })}</span>}
      </div>
      {error && <ErrorBanner error={error} />}
      {need.state.status === 'loading' && <div className="empty">{t('loading')}</div>}
      {need.state.status === 'error' && <ErrorBanner error={need.state.error} />}
      {need.state.status === 'ready' && (
        <>
          <section className="panel" data-testid="aid-need">
            <h3>{t('need')}</h3>
            <p className="table-note">
              {need.state.value.dang === null ? t('dangUnknown') : t('dang', { dang: '一二三四五'[need.state.value.dang - 1] ?? need.state.value.dang, source: need.state.value.dangSource === 'law' ? t('dangLaw') : t('dangTier') })}；{t('dateUsed', { date: need.state.value.date })}
            </p>
            <table className="data-table">
              <thead>
                <tr>
                  <th className="align-left">{t('item')}</th>
                  <th className="align-right">{t('needAmt')}</th>
                  <th className="align-right">{t('central')}</th>
                  <th className="align-right">{t('local')}</th>
                  <th className="align-right">{t('budget')}</th>
                  <th className="align-right">{t('gap')}</th>
                  <th className="align-right">{t('computed')}</th>
                  <th className="align-right">{t('missing')}</th>
                </tr>
              </thead>
              <tbody>
                {need.state.value.totals.map((x) => (
                  <tr key={x.item} data-testid={`aid-total-${x.item}`}>
                    <td className="align-left">{itemName(x.item)}</td>
                    <td className="align-right">{x.needFen === null ? <span className="muted">{t('noData')}</span> : m(x.needFen)}</td>
                    <td className="align-right">{m(x.centralFen)}</td>
                    <td className="align-right">{m(x.localFen)}</td>
                    <td className="align-right">{m(x.budgetFen)}</td>
                    <td className={`align-right${x.gapFen !== null && x.gapFen > 0 ? ' negative' : ''}`}>{m(x.gapFen)}</td>
                    <td className="align-right">{x.units}</td>
                    <td className="align-right">{x.unitsMissing}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <details>
              <summary>{t('standards')}</summary>
              <ul className="table-note">
                {need.state.value.refs.map((r) => (
                  <li key={r.label}>
                    {r.label}：{r.value} — {r.document} {r.article}
                    {r.confidence === 'M' ? t('confidenceM') : ''}
                  </li>
                ))}
              </ul>
            </details>
            <details>
              <summary>{t('detail')}</summary>
              <table className="data-table" data-testid="aid-detail">
                <thead>
                  <tr>
                    <th className="align-left">{t('region')}</th>
                    <th className="align-left">{t('item')}</th>
                    <th className="align-left">{t('level')}</th>
                    <th className="align-right">{t('recipients')}</th>
                    <th className="align-right">{t('needAmt')}</th>
                    <th className="align-right">{t('central')}</th>
                    <th className="align-right">{t('gap')}</th>
                    <th className="align-left">{t('status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {need.state.value.rows.map((r) => (
                    <tr key={`${r.code}/${r.item}/${r.level}`}>
                      <td className="align-left">{r.name}</td>
                      <td className="align-left">{itemName(r.item)}</td>
                      <td className="align-left">{levelName(r.level)}</td>
                      <td className="align-right">{r.recipients ?? '—'}</td>
                      <td className="align-right">{m(r.needFen)}</td>
                      <td className="align-right">{m(r.centralFen)}</td>
                      <td className="align-right">{m(r.gapFen)}</td>
                      <td className="align-left muted">{r.missing ? missingLabel(r.missing, lang) : r.notes.join('；')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>
          <section className="panel" data-testid="aid-allocation">
            <h3>{t('allocation')}</h3>
            <div className="toolbar">
              <label>
                {t('level')}{' '}
                <select data-testid="aid-level" value={level} onChange={(e) => setLevel(e.target.value as LevelCode)}>
                  {LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {levelName(l)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('coverage')} <input data-testid="aid-coverage" type="number" min={0} max={100} step={0.1} value={coverage} onChange={(e) => setCoverage(e.target.value)} style={{ width: 70 }} />
              </label>
              <label>
                {t('minRatio')} <input data-testid="aid-min-ratio" type="number" min={0} max={1000} step={1} value={minRatio} onChange={(e) => setMinRatio(e.target.value)} style={{ width: 70 }} />
              </label>
            </div>
            <div className="toolbar">
              <span className="control-label">{t('weights')}</span>
              {FACTORS.map((f) => (
                <label key={f}>
                  {t(f === 'students' ? 'wStudents' : f === 'eligible' ? 'wEligible' : f === 'economic' ? 'wEconomic' : 'wFiscal')}{' '}
                  <input data-testid={`aid-w-${f}`} type="number" min={0} step={1} value={weights[f]} onChange={(e) => setWeights({ ...weights, [f]: e.target.value })} style={{ width: 60 }} />
                </label>
              ))}
              <span className="muted">{t('weightTotal', { total: weightTotal })}</span>
              <button type="button" data-testid="aid-run" onClick={() => void run()}>
                {t('run')}
              </button>
            </div>
            {alloc && !alloc.ok && <ErrorBanner error={{ code: 'bad_input', message: alloc.problem ?? '' }} />}
            {alloc?.ok && (
              <>
                <p className={alloc.shortOf.length ? 'notice negative' : 'notice'} data-testid="aid-leave-none">
                  {alloc.shortOf.length ? t('shortOf', { n: alloc.shortOf.length, total: alloc.shortOf.reduce((s, x) => s + x.shortfall, 0), list: alloc.shortOf.map((x) => `${x.name} ${x.shortfall}`).join('、') }) : t('allCovered')}
                </p>
                {alloc.status === 'infeasible_low' && <p className="notice">{t('infeasibleLow')}</p>}
                {alloc.status === 'infeasible_high' && <p className="notice">{t('infeasibleHigh')}</p>}
                {alloc.excluded.length > 0 && <p className="table-note">{t('excluded', { list: alloc.excluded.map((x) => x.name).join('、') })}</p>}
                <p className="table-note">
                  {t('total')} {alloc.total} {t('personUnit')}
                  {alloc.totalFrom === 'coverage' ? `（${t('totalFromCoverage')} ${(alloc.coverageBp ?? 0) / 100}%）` : ''}；{t('pricing', { text: alloc.pricing })}
                  {alloc.moneyFen !== null ? ` ${m(alloc.moneyFen)} ${unit}` : ''}
                </p>
                <table className="data-table" data-testid="aid-quota-table">
                  <thead>
                    <tr>
                      <th className="align-left">{t('region')}</th>
                      <th className="align-right">{t('enrolled')}</th>
                      <th className="align-right">{t('eligible')}</th>
                      <th className="align-right">{t('floor')}</th>
                      <th className="align-right">{t('cap')}</th>
                      <th className="align-right">{t('quota')}</th>
                      <th className="align-left">{t('held')}</th>
                      <th className="align-right">{t('shortfall')}</th>
                      <th className="align-right">
                        {t('money')}（{unit}）
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {alloc.rows.map((r) => (
                      <tr key={r.code} data-testid={`aid-quota-${r.code}`}>
                        <td className="align-left">{r.name}</td>
                        <td className="align-right">{r.enrolled}</td>
                        <td className="align-right">{r.eligible}</td>
                        <td className="align-right">{r.floor}</td>
                        <td className="align-right">{r.cap}</td>
                        <td className="align-right">{r.quota}</td>
                        <td className="align-left">{r.held === 'floor' ? t('heldFloor') : r.held === 'cap' ? t('heldCap') : t('free')}</td>
                        <td className={`align-right${r.shortfall > 0 ? ' negative' : ''}`}>{r.shortfall}</td>
                        <td className="align-right">{m(r.moneyFen)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </section>
          <p className="table-note" data-testid="aid-sources">
            {t('sources')}：
            {(['aid', 'enrolment', 'fiscal'] as const)
              .flatMap((k) => {
                const d = need.state.status === 'ready' ? need.state.value.sources[k] : null;
                return d ? [d] : [];
              })
              .map((d) => `#${d.id} ${d.name}${d.synthetic ? `（${t('synthetic')}）` : ''} SHA-256 ${d.sha256.slice(0, 12)}…`)
              .join('；')}
          </p>
        </>
      )}
    </div>
  );
}
