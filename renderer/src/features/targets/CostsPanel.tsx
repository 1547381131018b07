// The cost to close, county by county with the sum by prefecture, the unit costs it is priced with
// (no default: a gap whose unit cost is not set is 无数据 with the reason) and the inspectors'
// workbook export.
import { useMemo, useState } from 'react';
import type { Output } from '../../../../core/ipc/contracts';
import type { Fen, MoneyUnit } from '../../../../core/money/fen';
import type { AppError } from '../../../../core/result';
import { useEngine } from '../../bridge/engine-context';
import { saveBytes } from '../../bridge/save-file';
import { ErrorBanner } from '../../components/ErrorBanner';
import { money } from '../../format/numbers';
import type { QueryState } from '../../hooks/use-engine-query';
import { useI18n } from '../../i18n/i18n';
import { targetsText } from './text';

type Costs = Output<'targets.costs'>;

export function CostsPanel({ regionCode, year, unit, state, onSaved, onOpenCounty }: { regionCode: string; year: number; unit: MoneyUnit; state: QueryState<Costs>; onSaved: () => void; onOpenCounty: (code: string) => void }) {
  const { lang } = useI18n();
  const t = useMemo(() => targetsText(lang), [lang]);
  const engine = useEngine();
  const [error, setError] = useState<AppError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [form, setForm] = useState<{ area: string; room: string; pay: string } | null>(null);
  const value = state.status === 'ready' ? state.value : null;
  const shown = form ?? { area: value?.unitCosts.areaYuanPerM2?.toString() ?? '', room: value?.unitCosts.roomYuan?.toString() ?? '', pay: value?.unitCosts.teacherPayYuan?.toString() ?? '' };
  const m = (fen: number | null) => (fen === null ? <span className="muted">{t('no_data')}</span> : money(fen as Fen, unit));
  const num = (s: string) => (s.trim() === '' ? null : Number(s));

  const save = async () => {
    setError(null);
    const reply = await engine.call('targets.unitCosts.set', { areaYuanPerM2: num(shown.area), roomYuan: num(shown.room), teacherPayYuan: num(shown.pay) });
    if (!reply.ok) return setError(reply.error);
    setForm(null);
    setNote(t('savedCosts'));
    onSaved();
  };
  const exportXlsx = async () => {
    setError(null);
    const reply = await engine.call('targets.export', { regionCode, year });
    if (!reply.ok) return setError(reply.error);
    saveBytes(reply.value.fileName, reply.value.bytes);
    setNote(t('saved', { file: reply.value.fileName }));
  };

  return (
    <section className="panel" data-testid="targets-costs">
      <h3>{t('countiesTitle')}</h3>
      <fieldset className="toolbar" data-testid="unit-costs">
        <legend>{t('unitCosts')}</legend>
        <label>
          {t('areaCost')} <input data-testid="unit-cost-area" type="number" min={0} step={1} value={shown.area} placeholder={t('notSet')} onChange={(e) => setForm({ ...shown, area: e.target.value })} style={{ width: 90 }} />
        </label>
        <label>
          {t('roomCost')} <input data-testid="unit-cost-room" type="number" min={0} step={100} value={shown.room} placeholder={t('notSet')} onChange={(e) => setForm({ ...shown, room: e.target.value })} style={{ width: 90 }} />
        </label>
        <label>
          {t('teacherPay')} <input data-testid="unit-cost-pay" type="number" min={0} step={100} value={shown.pay} placeholder={t('notSet')} onChange={(e) => setForm({ ...shown, pay: e.target.value })} style={{ width: 100 }} />
        </label>
        <button type="button" data-testid="unit-cost-save" onClick={() => void save()}>
          {t('save')}
        </button>
        <button type="button" data-testid="targets-export" onClick={() => void exportXlsx()}>
          {t('exportXlsx')}
        </button>
      </fieldset>
      {note && (
        <p className="muted" role="status">
          {note}
        </p>
      )}
      {error && <ErrorBanner error={error} />}
      {state.status === 'loading' && <div className="empty">{t('loading')}</div>}
      {state.status === 'error' && <ErrorBanner error={state.error} />}
      {value?.problem && <p className="empty">{value.problem}</p>}
      {value && value.problem === null && (
        <>
          {value.missing.length > 0 && (
            <ul className="table-note negative" data-testid="costs-missing">
              {value.missing.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          )}
          <p className="table-note">
            {t('moneyIn', { unit })}；{value.basis}
          </p>
          <table className="data-table" data-testid="costs-table">
            <thead>
              <tr>
                <th className="align-left">{t('prefecture')}</th>
                <th className="align-left">{t('county')}</th>
                <th className="align-left">{t('resources')}</th>
                <th className="align-right">{t('equipment')}</th>
                <th className="align-right">{t('floor')}</th>
                <th className="align-right">{t('rooms')}</th>
                <th className="align-right">{t('teachers')}</th>
                <th className="align-right">{t('total')}</th>
                <th className="align-left">{t('afterClosing')}</th>
              </tr>
            </thead>
            <tbody>
              {value.counties.map((c) => (
                <tr key={c.code} data-testid={`cost-${c.code}`}>
                  <td className="align-left">{c.prefectureName}</td>
                  <td className="align-left">
                    <button type="button" className="link-button" onClick={() => onOpenCounty(c.code)}>
                      {c.name}
                    </button>
                  </td>
                  <td className={`align-left${c.status === 'met' ? '' : ' negative'}`}>{c.status === 'met' ? t('statusMet') : t('statusNotMet')}</td>
                  <td className="align-right">{m(c.equipmentFen)}</td>
                  <td className="align-right">{m(c.areaFen)}</td>
                  <td className="align-right">{m(c.roomsFen)}</td>
                  <td className="align-right" title={c.teacherPaySource ?? ''}>
                    {m(c.teachersFen)}
                  </td>
                  <td className="align-right" data-testid="cost-total">
                    {m(c.totalFen)}
                  </td>
                  <td className="align-left">{c.metAfterClosing ? t('yes') : t('cvOnly')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('byPrefecture')}</h3>
          <table className="data-table" data-testid="costs-by-prefecture">
            <thead>
              <tr>
                <th className="align-left">{t('prefecture')}</th>
                <th className="align-right">{t('counties')}</th>
                <th className="align-right">{t('metCounties')}</th>
                <th className="align-right">{t('total')}</th>
              </tr>
            </thead>
            <tbody>
              {value.prefectures.map((p) => (
                <tr key={p.code}>
                  <td className="align-left">{p.name}</td>
                  <td className="align-right">{p.counties}</td>
                  <td className="align-right">{p.met}</td>
                  <td className="align-right">{m(p.fen)}</td>
                </tr>
              ))}
              <tr className="total-row">
                <td className="align-left">
                  <strong>{value.region.name}</strong>
                </td>
                <td className="align-right">{value.counties.length}</td>
                <td className="align-right">{value.counties.filter((c) => c.status === 'met').length}</td>
                <td className="align-right" data-testid="costs-grand-total">
                  {m(value.totalFen)}
                </td>
              </tr>
            </tbody>
          </table>
          <p className="table-note">{t('simulatorHint')}</p>
        </>
      )}
    </section>
  );
}
