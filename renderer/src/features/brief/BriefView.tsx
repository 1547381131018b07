// 简报: the composer (region, year, sections, an optional transfer scenario, language), the preview,
// and export to PDF, Word or Excel with progress and the name of the file saved.
import { RegionSelect } from '../../components/RegionSelect';
import { useEffect, useMemo, useState } from 'react';
import type { Output } from '../../../../core/ipc/contracts';
import type { RegionInfo } from '../../../../core/ipc/schemas';
import { briefHtml, pdfFooterTemplate } from '../../../../core/brief/html';
import { BRIEF_SECTIONS, type BriefSection } from '../../../../core/brief/model';
import type { AppError } from '../../../../core/result';
import { useEngine } from '../../bridge/engine-context';
import { saveBytes } from '../../bridge/save-file';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useEngineQuery } from '../../hooks/use-engine-query';
import { useI18n } from '../../i18n/i18n';
import { BriefPreview } from './BriefPreview';
import { briefText } from './text';

type Format = 'pdf' | 'docx' | 'xlsx';
const FORMAT_LABEL: Record<Format, string> = { pdf: 'PDF', docx: 'Word', xlsx: 'Excel' };

export function BriefView({ regions, initialRegion }: { regions: readonly RegionInfo[]; initialRegion: string | null }) {
  const { lang } = useI18n();
  const t = useMemo(() => briefText(lang), [lang]);
  const engine = useEngine();
  // Every region the data covers: the province, prefectures, counties and directly administered cities.
  const choices = useMemo(() => regions.filter((r) => r.validTo === null), [regions]);
  const [regionCode, setRegionCode] = useState(() => choices.find((r) => r.code === initialRegion)?.code ?? choices[0]?.code ?? '');
  const [year, setYear] = useState<number | undefined>(undefined);
  const [sections, setSections] = useState<BriefSection[]>(['spending', 'per_student', 'compliance', 'appendix']);
  const [scenarioId, setScenarioId] = useState<number | undefined>(undefined);
  const [briefLang, setBriefLang] = useState<'zh' | 'en'>(lang);
  const [preview, setPreview] = useState<Output<'brief.compose'> | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const scenarios = useEngineQuery('transfer.scenarios', { regionCode });
  const datasets = useEngineQuery('datasets.list', {});
  const years = useMemo(() => {
    if (datasets.state.status !== 'ready') return [];
    const exp = datasets.state.value.datasets.filter((d) => d.kind === 'expenditure' && d.firstYear !== null && d.lastYear !== null);
    const all = new Set<number>();
    for (const d of exp) for (let y = d.firstYear! + 1; y <= d.lastYear!; y++) all.add(y);
    return [...all].sort((a, b) => b - a);
  }, [datasets.state]);
  const request = { regionCode, year, scenarioId: sections.includes('scenario') ? scenarioId : undefined, sections, lang: briefLang };

  // A changed choice makes the preview stale: it is cleared rather than shown out of date.
  useEffect(() => setPreview(null), [regionCode, year, scenarioId, sections, briefLang]);

  const compose = async () => {
    setBusy('preview');
    setError(null);
    try {
      const reply = await engine.call('brief.compose', request);
      if (reply.ok) setPreview(reply.value);
      else setError(reply.error);
    } finally {
      setBusy(null);
    }
  };
  const exportAs = async (format: Format) => {
    setBusy(format);
    setError(null);
    setSaved(null);
    try {
      // In the desktop app a PDF is printed by Electron (main's printToPDF) from the same HTML the
      // CLI prints with headless Chromium; elsewhere the engine writes every format.
      if (format === 'pdf' && window.bridge) {
        const composed = await engine.call('brief.compose', request);
        if (!composed.ok) return setError(composed.error);
        const bytes = await window.bridge.printPdf(briefHtml(composed.value), pdfFooterTemplate(composed.value.footer, composed.value.lang));
        const fileName = `${composed.value.title.replace(/[\\/:*?"<>|\s]+/g, '_')}.pdf`;
        saveBytes(fileName, bytes);
        setSaved(fileName);
        return;
      }
      const reply = await engine.call('brief.export', { ...request, format });
      if (!reply.ok) return setError(reply.error);
      saveBytes(reply.value.fileName, reply.value.bytes);
      setSaved(reply.value.fileName);
    } catch (e) {
      setError({ code: 'internal', message: (e as Error).message });
    } finally {
      setBusy(null);
    }
  };
  const toggle = (s: BriefSection) => setSections((cur) => (cur.includes(s) ? cur.filter((x) => x !== s) : BRIEF_SECTIONS.filter((x) => x === s || cur.includes(x))));
  const scenarioList = scenarios.state.status === 'ready' ? scenarios.state.value.scenarios.filter((s) => !s.isBaseline) : [];

  return (
    <main className="view brief-view" data-testid="brief-view">
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <section className="card brief-composer" data-testid="brief-composer">
        <RegionSelect label={t('region')} testId="brief-region" regions={choices} all={regions} value={regionCode} onChange={setRegionCode} />
        <label>
          {t('year')}{' '}
          <select data-testid="brief-year" value={year ?? ''} onChange={(e) => setYear(e.target.value ? Number(e.target.value) : undefined)}>
            <option value="">{t('latest')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="brief-sections">
          <legend>{t('sections')}</legend>
          {BRIEF_SECTIONS.map((s) => (
            <label key={s}>
              <input type="checkbox" data-testid={`brief-section-${s}`} checked={sections.includes(s)} onChange={() => toggle(s)} /> {t(`section_${s}`)}
            </label>
          ))}
        </fieldset>
        {sections.includes('scenario') && (
          <label>
            {t('scenario')}{' '}
            <select data-testid="brief-scenario" value={scenarioId ?? ''} onChange={(e) => setScenarioId(e.target.value ? Number(e.target.value) : undefined)}>
              <option value="">{t('none')}</option>
              {scenarioList.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('language')}{' '}
          <select data-testid="brief-lang" value={briefLang} onChange={(e) => setBriefLang(e.target.value as 'zh' | 'en')}>
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <div className="brief-actions">
          <button type="button" className="button-primary" data-testid="brief-preview-button" disabled={busy !== null || sections.length === 0} onClick={() => void compose()}>
            {t('preview')}
          </button>
          {(['pdf', 'docx', 'xlsx'] as const).map((f) => (
            <button key={f} type="button" className="button-small" data-testid={`brief-export-${f}`} disabled={busy !== null || sections.length === 0} onClick={() => void exportAs(f)}>
              {busy === f ? '…' : `${t('export')} ${FORMAT_LABEL[f]}`}
            </button>
          ))}
          <DelayedProgress active={busy !== null} label={busy === 'preview' ? t('composing') : t('writing', { format: busy ? (FORMAT_LABEL[busy as Format] ?? busy) : '' })} />
        </div>
        {saved && (
          <p className="muted" role="status" data-testid="brief-saved">
            {t('saved', { file: saved })}
          </p>
        )}
      </section>
      {error && <ErrorBanner error={error} />}
      {preview && <BriefPreview brief={preview} />}
    </main>
  );
}
