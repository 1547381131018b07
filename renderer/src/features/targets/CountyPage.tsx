// One county's 优质均衡 resource assessment: the CVs per indicator and section, every school's
// seven indicators (what fails and by how much), and the money that closes the gaps.
import { useMemo } from 'react';
import type { Fen, MoneyUnit } from '../../../../core/money/fen';
import { ErrorBanner } from '../../components/ErrorBanner';
import { money } from '../../format/numbers';
import { useEngineQuery } from '../../hooks/use-engine-query';
import { useI18n } from '../../i18n/i18n';
import { targetsText } from './text';

export function CountyPage({ countyCode, year, unit, synthetic, onBack }: { countyCode: string; year: number; unit: MoneyUnit; synthetic: boolean; onBack: () => void }) {
  const { lang } = useI18n();
  const t = useMemo(() => targetsText(lang), [lang]);
  const q = useEngineQuery('targets.county', { countyCode, year });
  const m = (fen: number | null) => (fen === null ? <span className="muted">{t('no_data')}</span> : money(fen as Fen, unit));
  const v = q.state.status === 'ready' ? q.state.value : null;
  return (
    <div data-testid="county-page">
      <button type="button" data-testid="county-back" onClick={onBack}>
        {t('back')}
      </button>
      {q.state.status === 'loading' && <div className="empty">{t('loading')}</div>}
      {q.state.status === 'error' && <ErrorBanner error={q.state.error} />}
      {v && (
        <>
          <h2 className="view-title">{t('countyTitle', { name: v.county.name, code: v.county.code, year: v.year })}</h2>
          {(synthetic || v.dataset.synthetic) && <div className="synthetic-notice">{t('synthetic')}</div>}
          <p className={v.status === 'met' ? '' : 'negative'} data-testid="county-status">
            <strong>{v.status === 'met' ? t('statusMet') : t('statusNotMet')}</strong>
          </p>
          {v.failures.length > 0 && (
            <ul data-testid="county-failures">
              {v.failures.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
          <p className="table-note">
            {t('sources')}：#{v.dataset.id} {v.dataset.name}
            {v.dataset.synthetic && !v.dataset.name.includes('合成数据') ? '（合成数据）' : ''}；教督〔2017〕6号
          </p>
          <section className="panel">
            <h3>{t('cvTitle')}</h3>
            <table className="data-table" data-testid="county-cvs">
              <thead>
                <tr>
                  <th className="align-left">{t('section')}</th>
                  <th className="align-left">{t('indicator')}</th>
                  <th className="align-right">{t('countyValue')}</th>
                  <th className="align-right">{t('standard')}</th>
                  <th className="align-right">{t('cv')}</th>
                  <th className="align-right">{t('limit')}</th>
                </tr>
              </thead>
              <tbody>
                {v.sections.flatMap((s) =>
                  s.cvs.map((c, i) => {
                    const d = v.indicators[i]!;
                    return (
                      <tr key={`${s.section}/${c.key}`} className={c.passes ? undefined : 'negative'}>
                        <td className="align-left">{t(s.section)}</td>
                        <td className="align-left">
                          {d.n}. {lang === 'zh' ? d.zh : d.en}
                        </td>
                        <td className="align-right">{c.countyValue === null ? '—' : c.countyValue.toFixed(2)}</td>
                        <td className="align-right">
                          {d[s.section]} {d.unit}
                        </td>
                        <td className="align-right">{c.cv === null ? t('no_data') : c.cv.toFixed(4)}</td>
                        <td className="align-right">{c.limit.toFixed(2)}</td>
                      </tr>
                    );
                  }),
                )}
              </tbody>
            </table>
          </section>
          <section className="panel">
            <h3>{t('schools')}</h3>
            <table className="data-table" data-testid="county-schools">
              <thead>
                <tr>
                  <th className="align-left">{t('section')}</th>
                  <th className="align-left">{t('school')}</th>
                  <th className="align-right">{t('pupils')}</th>
                  {v.indicators.map((d) => (
                    <th key={d.key} className="align-right" title={lang === 'zh' ? d.zh : d.en}>
                      {d.n}
                    </th>
                  ))}
                  <th className="align-right">{t('passed')}</th>
                  <th className="align-left">{t('schoolPasses')}</th>
                </tr>
              </thead>
              <tbody>
                {v.sections.flatMap((s) =>
                  s.schools.map((r) => (
                    <tr key={`${s.section}/${r.code}`} data-testid={`school-${r.code}-${s.section}`} className={r.passes ? undefined : 'failing'}>
                      <td className="align-left">{t(s.section)}</td>
                      <td className="align-left">
                        {r.name} <span className="muted">{r.code}</span>
                      </td>
                      <td className="align-right">{r.pupils}</td>
                      {r.indicators.map((i) => (
                        <td key={i.key} className={`align-right${i.meets ? '' : ' negative'}`}>
                          {i.value === null ? '—' : i.value.toFixed(2)}
                          {!i.meets && i.attainment !== null ? `（${(i.attainment * 100).toFixed(1)}%）` : ''}
                        </td>
                      ))}
                      <td className="align-right">{r.met}/7</td>
                      <td className={`align-left${r.passes ? '' : ' negative'}`}>{r.passes ? t('yes') : t('no')}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
            {v.excluded.length > 0 && (
              <p className="table-note">
                {t('excluded')}：{v.excluded.map((e) => `${e.name}（${e.reason}）`).join('；')}
              </p>
            )}
          </section>
          <section className="panel" data-testid="county-cost">
            <h3>{t('costTitle')}</h3>
            <table className="data-table">
              <thead>
                <tr>
                  <th className="align-right">{t('equipment')}</th>
                  <th className="align-right">{t('floor')}</th>
                  <th className="align-right">{t('rooms')}</th>
                  <th className="align-right">{t('teachers')}</th>
                  <th className="align-right">{t('total')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td className="align-right">{m(v.cost.equipmentFen)}</td>
                  <td className="align-right">
                    {m(v.cost.areaFen)} <span className="muted">({v.cost.areaM2.toFixed(2)} m²)</span>
                  </td>
                  <td className="align-right">
                    {m(v.cost.roomsFen)} <span className="muted">({v.cost.rooms})</span>
                  </td>
                  <td className="align-right">
                    {m(v.cost.teachersFen)} <span className="muted">({v.cost.teachers})</span>
                  </td>
                  <td className="align-right" data-testid="county-cost-total">
                    <strong>{m(v.cost.totalFen)}</strong>
                  </td>
                </tr>
              </tbody>
            </table>
            <p className="table-note">
              {t('moneyIn', { unit })}；{t('assumptions')}：{v.cost.assumptions.join('；') || '—'}；{t('keyTeachers', { n: v.cost.keyTeachers })}
            </p>
            {v.cost.missing.map((x) => (
              <p key={x} className="table-note negative">
                {x}
              </p>
            ))}
            <h4>{t('costSchools')}</h4>
            <table className="data-table" data-testid="county-cost-schools">
              <thead>
                <tr>
                  <th className="align-left">{t('school')}</th>
                  <th className="align-left">{t('section')}</th>
                  <th className="align-right">{t('equipment')}</th>
                  <th className="align-right">{t('floor')}</th>
                  <th className="align-right">{t('rooms')}</th>
                  <th className="align-right">{t('teachers')}</th>
                  <th className="align-right">{t('total')}</th>
                </tr>
              </thead>
              <tbody>
                {v.cost.schools.map((s) => (
                  <tr key={`${s.code}/${s.section}`}>
                    <td className="align-left">{s.name}</td>
                    <td className="align-left">{t(s.section as 'primary' | 'junior')}</td>
                    <td className="align-right">{m(s.equipmentFen)}</td>
                    <td className="align-right">{m(s.areaFen)}</td>
                    <td className="align-right">{m(s.roomsFen)}</td>
                    <td className="align-right">{m(s.teachersFen)}</td>
                    <td className="align-right">{m(s.totalFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  );
}
