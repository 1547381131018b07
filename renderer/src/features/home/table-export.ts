// The per-student table as the engine's 'table.export' wants it: the rows shown on screen, values
// as exact decimal text rounded exactly as displayed (no thousands separators), headers in the
// current language and unit, and provenance lines that name every dataset behind the numbers.
import type { DatasetInfo } from '../../../../core/ipc/schemas';
import type { Input } from '../../../../core/ipc/contracts';
import type { PerStudentFigure } from '../../../../core/metrics/per-student';
import { formatRatio, type Ratio } from '../../../../core/money';
import { FEN_PER_UNIT, type MoneyUnit } from '../../../../core/money/fen';
import { levelName, unitLabel, type Translate } from '../../i18n/i18n';
import { STAGE_LABEL as STAGE } from '../../i18n/labels';
import type { Lang } from '../../i18n/messages';

export type ExportTable = Input<'table.export'>['table'];
type Row = ExportTable['rows'][number];

const fenText = (fen: number | null, unit: MoneyUnit) => (fen === null ? null : formatRatio(BigInt(fen), FEN_PER_UNIT[unit], 2));
const perStudentText = (r: Ratio | null) => (r === null ? null : formatRatio(r.num, r.den * 100n, 2));
const growthText = (g: Ratio | null) => (g === null ? null : formatRatio(g.num * 100n, g.den, 2));
const studentsText = (r: Ratio | null, decimals: number) => (r === null ? null : formatRatio(r.num, r.den, decimals));

function statusText(f: PerStudentFigure, t: Translate): string {
  switch (f.perStudentDirection) {
    case 'rise':
      return t('statusRise');
    case 'equal':
      return t('statusEqual');
    case 'fall':
      return t('statusFall');
    case null:
      return t('statusNa');
  }
}

export type ExportContext = {
  t: Translate;
  lang: Lang;
  unit: MoneyUnit;
  title: string;
  region: { code: string; name: string };
  year: number;
  scopeLabel: string;
  divisorLabel: string;
  datasets: { role: string; d: DatasetInfo }[];
  appVersion: string;
  generatedAt: Date;
};

export function datasetLine(role: string, d: DatasetInfo, t: Translate): string {
  return `${t('provDataset', { role, id: d.id, name: d.name, file: d.sourceFileName })} · SHA-256 ${d.sha256} · ${t('stage')} ${t(STAGE[d.releaseStage])}${d.synthetic ? ` · ${t('syntheticBadge')}` : ''}`;
}

export function perStudentExportTable(figures: readonly PerStudentFigure[], c: ExportContext): ExportTable {
  const { t, lang, unit } = c;
  const u = unitLabel(unit, lang);
  // Students are whole persons unless an averaged divisor makes them fractional (as on screen).
  const fractional = figures.some((f) => [f.current.students, f.prior.students].some((s) => s !== null && s.num % s.den !== 0n));
  const decimals = fractional ? 2 : 0;
  const columns: ExportTable['columns'] = [
    { header: t('level'), key: 'level', kind: 'text', width: 14 },
    { header: t('exportSpending', { unit: u }), key: 'spending', kind: 'decimal2', width: 18 },
    { header: t('exportSpendingPrior', { unit: u }), key: 'spendingPrior', kind: 'decimal2', width: 18 },
    { header: t('exportSpendingGrowth'), key: 'spendingGrowth', kind: 'percent2', width: 16 },
    { header: t('exportStudents'), key: 'students', kind: fractional ? 'decimal2' : 'integer', width: 16 },
    { header: t('exportStudentsGrowth'), key: 'studentsGrowth', kind: 'percent2', width: 16 },
    { header: t('exportPerStudent'), key: 'perStudent', kind: 'decimal2', width: 18 },
    { header: t('exportPerStudentPrior'), key: 'perStudentPrior', kind: 'decimal2', width: 18 },
    { header: t('exportPerStudentGrowth'), key: 'perStudentGrowth', kind: 'percent2', width: 16 },
    { header: t('status'), key: 'status', kind: 'text', width: 14 },
  ];
  // In the order given (the screen's sort), the total last as on screen.
  const ordered = [...figures.filter((f) => f.level !== 'all'), ...figures.filter((f) => f.level === 'all')];
  const rows: Row[] = ordered.map((f) => ({
    level: levelName(f.level, lang),
    spending: fenText(f.current.spendingFen, unit),
    spendingPrior: fenText(f.prior.spendingFen, unit),
    spendingGrowth: growthText(f.spendingGrowth),
    students: studentsText(f.current.students, decimals),
    studentsGrowth: growthText(f.studentsGrowth),
    perStudent: perStudentText(f.current.perStudent),
    perStudentPrior: perStudentText(f.prior.perStudent),
    perStudentGrowth: growthText(f.perStudentGrowth),
    status: statusText(f, t),
  }));
  const provenance = [
    c.title,
    t('provRegion', { name: c.region.name, code: c.region.code }),
    t('provYear', { year: c.year }),
    t('provScope', { scope: c.scopeLabel }),
    t('provDivisor', { divisor: c.divisorLabel }),
    t('provUnit', { unit: u }),
    ...c.datasets.map(({ role, d }) => datasetLine(role, d, t)),
    t('provRounding'),
    t('provApp', { version: c.appVersion }),
    t('provGenerated', { time: c.generatedAt.toISOString() }),
  ];
  return { title: c.title, columns, rows, provenance };
}
