// 导入 › 统计公告: a bulletin's text pasted or opened, read as the user types (the same reader as
// `wb bulletin read`), each figure beside its sentence with the figure highlighted, the checks of
// the text against itself, the never-decrease and three-growths rules on what it states, and an
// import of the text — as edited — as a bulletin dataset, all facts or none.
import { useMemo, useState } from 'react';
import { INDICATORS } from '../../../../core/bulletin/indicators';
import { readBulletin } from '../../../../core/bulletin/read';
import { LEVELS } from '../../../../core/levels';
import type { AppError } from '../../../../core/result';
import { useEngine } from '../../bridge/engine-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/i18n';

type ImportReply = { status: 'imported' | 'unchanged' | 'refused'; datasetId: number | null; datasetName: string | null; regionCode: string | null; facts: number; problems: string[] };


export function BulletinTab({ onImported }: { onImported: (datasetId: number) => void }) {
  const { t, lang } = useI18n();
  const levelZh = (l: string): string => (l === 'all' ? (lang === 'zh' ? '合计' : 'All') : ((lang === 'zh' ? LEVELS.find((x) => x.code === l)?.zh : LEVELS.find((x) => x.code === l)?.en) ?? l));
  const statusText = { fail: lang === 'zh' ? '未达标' : 'Fails', pass: lang === 'zh' ? '达标' : 'Passes', na: lang === 'zh' ? '无法判断' : 'Cannot tell' } as const;
  const engine = useEngine();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('公告.txt');
  const [region, setRegion] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [result, setResult] = useState<ImportReply | null>(null);
  const reading = useMemo(() => (text.trim() === '' ? null : readBulletin(text)), [text]);
  const figure = reading && selected !== null ? (reading.figures[selected] ?? null) : null;
  const defects = reading?.findings.filter((f) => f.severity === 'defect').length ?? 0;
  const regionValid = region === '' || /^[1-9]\d{5}$/.test(region);

  const open = async (file: File) => {
    setError(null);
    setResult(null);
    setBusy(true);
    try {
      const reply = await engine.call('bulletin.text', { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      if (reply.ok) {
        setText(reply.value.text);
        setFileName(file.name);
        setSelected(null);
      } else setError(reply.error);
    } finally {
      setBusy(false);
    }
  };
  const importText = async () => {
    setError(null);
    setBusy(true);
    try {
      const reply = await engine.call('bulletin.import', { text, fileName, regionCode: region === '' ? null : region, year: null });
      if (!reply.ok) setError(reply.error);
      else {
        setResult(reply.value);
        if (reply.value.datasetId !== null && reply.value.status === 'imported') onImported(reply.value.datasetId);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="bulletin-tab" data-testid="bulletin-tab">
      <p className="view-intro">{t('bulIntro')}</p>
      <section className="panel">
        <div className="form-row bulletin-controls">
          <label className={`button-secondary${busy ? ' disabled' : ''}`}>
            {t('bulOpen')}
            <input
              type="file"
              className="visually-hidden"
              accept=".txt,.docx,.pdf"
              data-testid="bulletin-file"
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void open(file);
              }}
            />
          </label>
          <label className="field">
            <span className="field-label">{t('bulRegion')}</span>
            <input type="text" value={region} maxLength={6} inputMode="numeric" data-testid="bulletin-region" aria-invalid={!regionValid} onChange={(e) => setRegion(e.target.value.trim())} />
            <span className="field-hint">{t('bulRegionHint', { region: reading?.region ?? '—' })}</span>
          </label>
          <button type="button" className="button-primary" data-testid="bulletin-import" disabled={!reading || reading.figures.length === 0 || busy || !regionValid} onClick={() => void importText()}>
            {t('bulImport')}
          </button>
        </div>
        <label className="field bulletin-text-field">
          <span className="field-label">{t('bulText')}</span>
          <textarea
            value={text}
            rows={8}
            spellCheck={false}
            data-testid="bulletin-text"
            placeholder={t('bulEmpty')}
            onChange={(e) => {
              setText(e.target.value);
              setResult(null);
            }}
          />
        </label>
        {reading && <p className="muted small" data-testid="bulletin-meta">{t('bulMeta', { title: reading.title ?? '—', region: reading.region ?? '—', year: reading.year ?? '—' })}</p>}
      </section>

      {error && <ErrorBanner error={error} />}
      {result && (
        <div className={`notice ${result.status === 'refused' ? 'notice-warn' : ''}`} role="status" data-testid="bulletin-result">
          {result.status === 'imported' && t('bulImported', { id: result.datasetId ?? '', name: result.datasetName ?? '', code: result.regionCode ?? '', facts: result.facts })}
          {result.status === 'unchanged' && t('bulUnchanged', { id: result.datasetId ?? '' })}
          {result.status === 'refused' && (
            <>
              {t('bulRefused')}
              <ul>
                {result.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}

      {reading && (
        <div className="panel-row bulletin-row">
          <section className="panel">
            <h3>{t('bulFigures', { n: reading.figures.length })}</h3>
            <table className="data-table bulletin-figures" data-testid="bulletin-figures">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{lang === 'zh' ? '项目' : 'Subject'}</th>
                  <th>{lang === 'zh' ? '指标' : 'Indicator'}</th>
                  <th>{lang === 'zh' ? '学段' : 'Level'}</th>
                  <th className="num">{lang === 'zh' ? '本年' : 'Current'}</th>
                  <th className="num">{lang === 'zh' ? '上年' : 'Previous'}</th>
                  <th>{lang === 'zh' ? '单位' : 'Unit'}</th>
                  <th>{lang === 'zh' ? '增减' : 'Change'}</th>
                  <th>{lang === 'zh' ? '口径' : 'Basis'}</th>
                </tr>
              </thead>
              <tbody>
                {reading.figures.map((f) => {
                  const flagged = reading.findings.some((x) => x.severity === 'defect' && (x.figure === f.id || (x.figure === null && x.sentence === f.sentence)));
                  return (
                    <tr key={f.id} className={`${selected === f.id ? 'selected' : ''} ${flagged ? 'flagged' : ''}`} onClick={() => setSelected(f.id)} data-testid={`bulletin-figure-${f.id}`}>
                      <td>{f.id + 1}</td>
                      <td>{f.subject}</td>
                      <td>{f.indicator ? (lang === 'zh' ? INDICATORS[f.indicator].zh : INDICATORS[f.indicator].en) : '—'}</td>
                      <td>{levelZh(f.level)}{f.rural ? '(农村)' : ''}</td>
                      <td className="num">{f.current ?? '—'}</td>
                      <td className="num">{f.prior ?? '—'}</td>
                      <td>{f.unit === f.priorUnit || f.priorUnit === null ? f.unit : `${f.unit} / ${f.priorUnit}`}</td>
                      <td>{f.direction ?? ''}{f.rate !== null ? ` ${f.rate}${f.rateUnit}` : ''}</td>
                      <td>{f.basis === 'comparable' ? '同口径' : (f.basisWords ?? '')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
          <section className="panel">
            <h3>{figure ? t('bulSentence', { n: figure.sentence + 1 }) : t('bulText')}</h3>
            <div className="bulletin-source" data-testid="bulletin-source">
              {reading.sentences.map((s) => {
                const on = figure?.sentence === s.index;
                const cls = `bulletin-sentence bulletin-${s.kind}${on ? ' on' : ''}`;
                if (!on || !figure) return <span key={s.index} className={cls} onClick={() => { const f = reading.figures.find((x) => x.sentence === s.index); if (f) setSelected(f.id); }}>{s.text}{s.kind !== 'sentence' ? '\n' : ''}</span>;
                const [a, b] = figure.span;
                return (
                  <span key={s.index} className={cls} data-testid="bulletin-highlight">
                    {s.text.slice(0, a)}
                    <mark>{s.text.slice(a, b)}</mark>
                    {s.text.slice(b)}
                  </span>
                );
              })}
            </div>
          </section>
        </div>
      )}

      {reading && (
        <div className="panel-row">
          <section className="panel" data-testid="bulletin-findings">
            <h3>{t('bulFindings', { defects, notes: reading.findings.length - defects })}</h3>
            <ul className="bulletin-findings">
              {reading.findings.map((x, i) => (
                <li key={i} className={x.severity === 'defect' ? 'defect' : 'note'} onClick={() => { const f = x.figure ?? reading.figures.find((y) => y.sentence === x.sentence)?.id; if (f !== undefined) setSelected(f); }}>
                  <strong>[{x.severity === 'defect' ? t('bulDefect') : t('bulNote')}]</strong> {t('bulSentence', { n: x.sentence + 1 })}「{reading.sentences[x.sentence]!.text}」
                  <div className="small">{x.message}</div>
                </li>
              ))}
            </ul>
          </section>
          <section className="panel" data-testid="bulletin-law">
            <h3>{t('bulLaw', { fails: reading.law.filter((l) => l.status === 'fail').length })}</h3>
            <ul className="bulletin-findings">
              {reading.law.map((l, i) => (
                <li key={i} className={l.status === 'fail' ? 'defect' : l.status === 'na' ? 'note' : 'pass'}>
                  <strong>{statusText[l.status]}</strong> {l.subject}
                  {l.level !== 'all' ? `（${levelZh(l.level)}）` : ''} · {l.rule}
                  <div className="small">{l.message}</div>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </div>
  );
}
