// The 数据体检 report as one flat table for 'table.export' (Excel / CSV): one row per coverage
// input, view N/A reason, warning, rule N/A reason and overlap, with the basis in the provenance.
import { VIEW_NAMES } from '../../../../core/basis/impact';
import type { Input } from '../../../../core/ipc/contracts';
import type { DataHealthView } from '../../../../core/ipc/health-contracts';
import type { Lang } from '../../i18n/messages';
import type { HealthText } from './text';

type ExportTable = Input<'table.export'>['table'];

export function healthExportTable(h: DataHealthView, t: HealthText, lang: Lang, appVersion: string, now: Date): ExportTable {
  const rows: ExportTable['rows'] = [];
  for (const c of h.coverage) rows.push({ section: t('coverage'), item: c.input, detail: c.gaps.map((g) => `${g.name}(${g.code}) ${g.missingYears}`).join('; '), count: c.covered, note: `${c.covered}/${c.total}` });
  for (const v of h.views) for (const r of v.reasons) rows.push({ section: t('views'), item: VIEW_NAMES[v.view][lang], detail: r.reason, count: r.count, note: r.examples.join('; ') });
  for (const w of h.warnings) rows.push({ section: t('warnings'), item: w.kind, detail: w.text, count: null, note: null });
  for (const n of h.na) rows.push({ section: t('rules'), item: n.rule, detail: n.reason, count: n.count, note: null });
  for (const o of h.overlaps) rows.push({ section: t('overlaps'), item: o.input, detail: `#${o.usedId} / #${o.otherId}`, count: o.regionYears, note: `${t('same')} ${o.same}; ${t('rounding')} ${o.rounding}; ${t('conflict')} ${o.conflict}` });
  return {
    title: `${t('exportTitle')} ${t(h.govLevel)} ${h.from ?? ''}–${h.to ?? ''}`,
    columns: [
      { header: t('section'), key: 'section', kind: 'text', width: 22 },
      { header: t('item'), key: 'item', kind: 'text', width: 22 },
      { header: t('detail'), key: 'detail', kind: 'text', width: 60 },
      { header: t('count'), key: 'count', kind: 'integer', width: 10 },
      { header: t('note'), key: 'note', kind: 'text', width: 40 },
    ],
    rows,
    provenance: [h.basis.line, `教育财政工作台 ${appVersion} · ${now.toISOString()}`],
  };
}
