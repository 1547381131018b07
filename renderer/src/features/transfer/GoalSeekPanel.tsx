// Goal seeking: the engine runs HiGHS on the linear program (core/transfer/goal.ts) and answers in
// plain words, naming the binding counties; the answer can be applied to the scenario being edited
// (as one undoable edit).
import { useState } from 'react';
import type { Output } from '../../../../core/ipc/contracts';
import type { AppError } from '../../../../core/result';
import { asFen, type MoneyUnit } from '../../../../core/money/fen';
import type { OverlayEntry } from '../../../../core/transfer/parameters';
import { useEngine } from '../../bridge/engine-context';
import { DelayedProgress } from '../../components/DelayedProgress';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Segmented } from '../../components/Segmented';
import { money } from '../../format/numbers';
import { unitLabel } from '../../i18n/i18n';
import type { TransferText } from './text';

type Goal = 'max-difficulty-weight' | 'min-pool';

export function GoalSeekPanel({ regionCode, year, overlay, scores, lang, unit, t, canApply, onApply }: { regionCode: string; year: number; overlay: OverlayEntry[]; scores: Record<string, number>; lang: 'zh' | 'en'; unit: MoneyUnit; t: TransferText; canApply: boolean; onApply: (overlay: OverlayEntry[]) => void }) {
  const engine = useEngine();
  const [goal, setGoal] = useState<Goal>('max-difficulty-weight');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [result, setResult] = useState<Output<'transfer.goalSeek'> | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const reply = await engine.call('transfer.goalSeek', { regionCode, year, goal, overlay, scores });
      if (reply.ok) setResult(reply.value);
      else setError(reply.error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" data-testid="goal-section">
      <h3>{t('goal')}</h3>
      <p className="muted">{t('goalHint')}</p>
      <div className="controls-row">
        <Segmented testId="goal-kind" label="" value={goal} onChange={setGoal} options={[{ value: 'max-difficulty-weight', label: t('goalA') }, { value: 'min-pool', label: t('goalB') }]} />
        <button type="button" className="button-primary" data-testid="goal-run" disabled={busy} onClick={() => void run()}>
          {busy ? t('solving') : t('run')}
        </button>
        <DelayedProgress active={busy} label={t('solving')} />
      </div>
      {error && <ErrorBanner error={error} />}
      {result && (
        <div className={result.feasible ? 'goal-result' : 'goal-result alert-line'} data-testid="goal-result" data-feasible={result.feasible} data-limit={result.limit ?? ''} role={result.feasible ? undefined : 'alert'}>
          {result.limit && (
            <p>
              <span className={result.limit === 'tool_cap' ? 'tag tag-warn' : 'tag'} data-testid="goal-limit">
                {t(`limit_${result.limit}`)}
              </span>
            </p>
          )}
          <p data-testid="goal-message">{result.message[lang]}</p>
          {result.check && <p className="muted" data-testid="goal-check">{t('check', { e: result.check.eduSpendingFailures, a: result.check.perStudentFailures, b: result.check.belowFloor })}</p>}
          {result.binding.length > 0 && (
            <p data-testid="goal-binding">
              {t('binding')}
              {lang === 'zh' ? '：' : ': '}
              {result.binding
                .slice(0, 12)
                .map((b) => (lang === 'zh' ? `${b.name}（${b.code}，${t(`reason_${b.reason}`)}，${t('need')} ${money(asFen(b.needFen), unit)} ${unitLabel(unit, lang)}）` : `${b.name} (${b.code}, ${t(`reason_${b.reason}`)}, ${t('need')} ${money(asFen(b.needFen), unit)} ${unitLabel(unit, lang)})`))
                .join(lang === 'zh' ? '；' : '; ')}
            </p>
          )}
          {result.overlay && canApply && (
            <button type="button" className="button-small" data-testid="goal-apply" onClick={() => onApply(result.overlay!)}>
              {t('apply')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
