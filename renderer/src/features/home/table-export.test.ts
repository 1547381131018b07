import { describe, expect, it } from 'vitest';
import type { SeriesRow } from '../../../../core/arrow/per-student-series';
import type { DatasetInfo } from '../../../../core/ipc/schemas';
import { perStudentTable } from '../../../../core/metrics/per-student';
import { asFen } from '../../../../core/money/fen';
import { makeTranslate } from '../../i18n/i18n';
import { perStudentExportTable } from './table-export';

const rows: SeriesRow[] = [
  { year: 2022, level: 'primary', spendingFen: asFen(123_456_789_01), students: 10_000, viaCrosswalk: false },
  { year: 2023, level: 'primary', spendingFen: asFen(130_000_000_00), students: 10_100, viaCrosswalk: false },
  { year: 2022, level: 'junior', spendingFen: asFen(80_000_000_00), students: 5_000, viaCrosswalk: false },
  { year: 2023, level: 'junior', spendingFen: asFen(79_000_000_00), students: 5_000, viaCrosswalk: false },
];
const dataset: DatasetInfo = {
  id: 7, name: '经费决算', kind: 'expenditure', sourceFileName: 'a.xlsx', sha256: 'ab'.repeat(32), sheet: null, importedAt: '2024-05-01T00:00:00.000Z', unit: '万元',
  basis: 'moe_edu_funds', scope: 'consolidated', releaseStage: 'final_accounts', rowCount: 4, synthetic: false, supersedesId: null, note: null, firstYear: 2022, lastYear: 2023, regionCount: 1,
};

function table(lang: 'zh' | 'en', unit: '元' | '万元' | '亿元') {
  const t = makeTranslate(lang);
  return perStudentExportTable(perStudentTable(rows, 2023, 'autumn'), {
    t, lang, unit, title: 'T', region: { code: '390321', name: '永兰县' }, year: 2023, scopeLabel: '全辖', divisorLabel: '秋季', datasets: [{ role: t('expenditureData'), d: dataset }],
    appVersion: '0.1.0', generatedAt: new Date('2024-06-01T08:00:00Z'),
  });
}

describe('the per-student table for export', () => {
  it('carries the rows shown, values as exact decimal text in the chosen unit, the total last', () => {
    const x = table('zh', '万元');
    expect(x.rows.map((r) => r.level)).toEqual(['小学', '初中', '合计']);
    const primary = x.rows[0]!;
    expect(primary.spending).toBe('13000.00');
    expect(primary.spendingPrior).toBe('12345.68');
    expect(primary.students).toBe('10100');
    // 13,000,000,000 分 / 10,100 students = 12,871.287… 元
    expect(primary.perStudent).toBe('12871.29');
    expect(primary.status).toBe('增长');
    const junior = x.rows[1]!;
    expect(junior.spendingGrowth).toBe('-1.25');
    expect(junior.status).toBe('下降');
    const all = x.rows[2]!;
    expect(all.spending).toBe('20900.00');
    expect(all.students).toBe('15100');
  });

  it('names columns in the language and unit, with numeric kinds for spreadsheets', () => {
    const zh = table('zh', '亿元');
    expect(zh.columns.map((c) => c.header).slice(0, 2)).toEqual(['学段', '一般公共预算教育支出（亿元）']);
    expect(zh.columns.find((c) => c.key === 'students')?.kind).toBe('integer');
    expect(zh.columns.find((c) => c.key === 'perStudentGrowth')?.kind).toBe('percent2');
    const en = table('en', '元');
    expect(en.columns[1]!.header).toBe('General-budget education spending (yuan)');
    expect(en.rows[2]!.level).toBe('All levels');
  });

  it('lists provenance: region, year, scope, divisor, each dataset with its full hash, app version and time', () => {
    const p = table('zh', '万元').provenance;
    expect(p).toContain('地区：永兰县（390321）');
    expect(p).toContain('年度：2023');
    expect(p.some((l) => l.includes(`数据集 #7 经费决算`) && l.includes(`SHA-256 ${'ab'.repeat(32)}`) && l.includes('决算'))).toBe(true);
    expect(p).toContain('教育财政工作台 0.1.0');
    expect(p).toContain('生成时间：2024-06-01T08:00:00.000Z');
  });
});
