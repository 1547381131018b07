// Baseline / proposal / alternative side by side by development tier, urban/rural, enrolment band or
// named counties, and the export of the whole comparison (every grouping plus every county) with
// the datasets and each scenario's parameter hash.
import { useMemo, useState } from 'react';
import { asFen, type MoneyUnit } from '../../../../core/money/fen';
import { compareGroups, type ComparisonRow, type ScenarioReport } from '../../../../core/transfer/compare';
import type { GroupKind } from '../../../../core/transfer/impact';
import type { SimInputs } from '../../../../core/transfer/inputs';
import { useEngine } from '../../bridge/engine-context';
import { useDownload } from '../../bridge/use-download';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ExportButtons } from '../../components/ExportButtons';
import { Segmented } from '../../components/Segmented';
import { money } from '../../format/numbers';
import { unitLabel, useI18n } from '../../i18n/i18n';
import type { TransferText, TransferTextKey } from './text';

const KINDS: readonly { kind: GroupKind; label: TransferTextKey }[] = [
  { kind: 'tier', label: 'byTier' },
  { kind: 'urban_rural', label: 'byUrbanRural' },
  { kind: 'enrolment_band', label: 'byBand' },
  { kind: 'named', label: 'byNamed' },
];

export function groupLabel(kind: GroupKind, group: string, t: TransferText): string {
  if (group === 'unclassified') return t('unclassified');
  if (kind === 'tier') return t('tierName', { t: group });
  if (kind === 'urban_rural') return t(group as 'urban' | 'rural');
  if (kind === 'enrolment_band') return t(`band_${group}` as TransferTextKey);
  return group;
}

const yuan2 = (fen: number) => Math.round(fen) / 100;

export function ComparisonPanel({ reports, inputs, unit, t }: { reports: readonly ScenarioReport[]; inputs: SimInputs; unit: MoneyUnit; t: TransferText }) {
  const engine = useEngine();
  const { lang } = useI18n();
  const { busy, error, download } = useDownload();
  const [kind, setKind] = useState<GroupKind>('tier');
  const [namedText, setNamedText] = useState(() => inputs.units.slice(0, 3).map((u) => u.code).join(','));
  const named = useMemo(() => namedText.split(/[,，\s]+/).filter((c) => /^\d{6}$/.test(c)), [namedText]);
  const rows = useMemo(() => compareGroups(reports, kind, named), [reports, kind, named]);

  const save = (format: 'xlsx' | 'csv') => {
    const all: { kind: string; group: string; students: number; cells: ComparisonRow['values'] }[] = [];
    for (const k of KINDS) for (const g of compareGroups(reports, k.kind, named)) all.push({ kind: t(k.label), group: groupLabel(k.kind, g.group, t), students: g.students, cells: g.values });
    reports[0]!.rows.forEach((u, i) =>
      all.push({
        kind: t('county'),
        group: `${u.name} ${u.code}`,
        students: u.students,
        cells: reports.map((r) => ({ scenario: r.name, allocation: r.rows[i]!.allocation, delta: r.rows[i]!.delta, perStudent: r.rows[i]!.transferPerStudent, newFailures: r.rows[i]!.newFailure ? 1 : 0 })),
      }),
    );
    const columns = [
      { header: t('group'), key: 'kind', kind: 'text' as const, width: 14 },
      { header: t('county'), key: 'group', kind: 'text' as const, width: 20 },
      { header: t('students'), key: 'students', kind: 'integer' as const },
      ...reports.flatMap((r, s) => [
        { header: `${r.name}：${t('scenarioAlloc')}（元）`, key: `a${s}`, kind: 'decimal2' as const, width: 18 },
        { header: `${r.name}：${t('delta')}（元）`, key: `d${s}`, kind: 'decimal2' as const, width: 16 },
        { header: `${r.name}：生均转移支付（元）`, key: `p${s}`, kind: 'decimal2' as const, width: 14 },
        { header: `${r.name}：新增不达标`, key: `f${s}`, kind: 'integer' as const },
      ]),
    ];
    const tableRows = all.map((row) => Object.fromEntries([['kind', row.kind], ['group', row.group], ['students', row.students], ...row.cells.flatMap((c, s) => [[`a${s}`, yuan2(c.allocation)], [`d${s}`, yuan2(c.delta)], [`p${s}`, yuan2(c.perStudent)], [`f${s}`, c.newFailures]])]));
    const provenance = [
      `${inputs.regionName}（${inputs.regionCode}）${inputs.year}；数据哈希 ${inputs.dataHash}`,
      ...inputs.datasets.map((d) => `数据集 #${d.id} ${d.name} sha256 ${d.sha256}`),
      ...reports.map((r) => `方案“${r.name}” 参数哈希 ${r.result.paramsHash}；变更：${r.changes.map((c) => `${c.key} ${c.from}→${c.to}`).join('，') || '无'}`),
    ];
    void download(format, () => engine.call('table.export', { format, fileStem: `${t('exportStem')}_${inputs.regionCode}_${inputs.year}`, table: { title: `${t('comparison')} — ${inputs.regionName} ${inputs.year}`, columns, rows: tableRows, provenance } }));
  };

  return (
    <section className="card" data-testid="comparison-section">
      <h3>
        {t('comparison')}
        <ExportButtons formats={['xlsx', 'csv']} busy={busy as 'xlsx' | 'csv' | null} onExport={(f) => f !== 'arrow' && save(f)} testIdPrefix="comparison-export" />
      </h3>
      {error && <ErrorBanner error={error} />}
      <div className="controls-row">
        <Segmented testId="comparison-kind" label="" value={kind} onChange={setKind} options={KINDS.map((k) => ({ value: k.kind, label: t(k.label) }))} />
        {kind === 'named' && <input className="filter" value={namedText} onChange={(e) => setNamedText(e.target.value)} placeholder={t('namedHint')} data-testid="comparison-named" />}
      </div>
      <div className="table-scroll">
        <table className="data-table" data-testid="comparison-table">
          <thead>
            <tr>
              <th className="align-left">{t('group')}</th>
              <th>{t('students')}</th>
              {reports.map((r) => (
                <th key={r.name}>
                  {r.name}（{unitLabel(unit, lang)}）
                </th>
              ))}
              {reports.slice(1).map((r) => (
                <th key={`d-${r.name}`}>
                  {r.name} {t('delta')}
                </th>
              ))}
              {reports.slice(1).map((r) => (
                <th key={`f-${r.name}`}>
                  {r.name} {t('failures')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.group}>
                <td className="align-left">{groupLabel(kind, g.group, t)}</td>
                <td>{g.students.toLocaleString('en-US')}</td>
                {g.values.map((v) => (
                  <td key={v.scenario}>{money(asFen(v.allocation), unit)}</td>
                ))}
                {g.values.slice(1).map((v) => (
                  <td key={`d-${v.scenario}`} className={v.delta < 0 ? 'negative' : v.delta > 0 ? 'positive' : undefined}>
                    {money(asFen(v.delta), unit)}
                  </td>
                ))}
                {g.values.slice(1).map((v) => (
                  <td key={`f-${v.scenario}`}>{v.newFailures}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
