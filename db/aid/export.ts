// The aid reports as one Excel workbook: totals by item, the detail by county and item, the quota
// allocation, and a provenance sheet (datasets with SHA-256 and import time, the scenario and its
// hash, the date whose standards were used). Numbers are numbers; money in 元 to the 分.
import ExcelJS from 'exceljs';
import { AID_FACTORS } from '../../core/aid/allocate';
import { AID_ITEM_INFO } from '../../core/aid/items';
import { levelInfo } from '../../core/levels';
import type { AllocationReport, NeedReport } from './report';

const yuan = (fen: number | null): number | null => (fen === null ? null : fen / 100);
const MONEY = '#,##0.00';

function sheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; key: string; width?: number; money?: boolean }[], rows: Record<string, string | number | null>[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 14 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  columns.forEach((c, i) => {
    if (c.money) ws.getColumn(i + 1).numFmt = MONEY;
  });
}

function provenance(r: NeedReport | AllocationReport): string[] {
  const s = r.inputs.sources;
  const ds = (label: string, d: typeof s.aid) => `${label}：${d ? `数据集 #${d.id} ${d.name}${d.synthetic ? '（合成数据）' : ''}；SHA-256 ${d.sha256}；导入时间 ${d.importedAt}` : '无'}`;
  return [
    `${r.inputs.region.name}（${r.inputs.region.code}）${r.inputs.year} 年`,
    ds('资助数据', s.aid),
    ds('在校生', s.enrolment),
    ds('财力指标', s.fiscal),
    `分担档次：${r.inputs.dang ?? '未知'}（${r.inputs.dangSource === 'law' ? '国办发〔2018〕6号' : r.inputs.dangSource === 'region_dev_tier' ? '地区档次设置' : '未知'}）`,
    `方案：${r.scenario.name}；SHA-256 ${r.scenarioHash}`,
    `生成时间：${new Date().toISOString()}`,
    '金额单位：元（存储精确到分）；人数单位：人。',
  ];
}

export async function aidWorkbook(parts: { need?: NeedReport; allocation?: AllocationReport }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '教育财政工作台';
  wb.created = new Date(0);
  const prov: string[] = [];
  if (parts.need) {
    const n = parts.need;
    sheet(
      wb,
      '资助需求合计',
      [
        { header: '资助项目', key: 'item', width: 30 },
        { header: '需求（元）', key: 'need', money: true, width: 18 },
        { header: '中央（元）', key: 'central', money: true, width: 18 },
        { header: '地方（元）', key: 'local', money: true, width: 18 },
        { header: '预算（元）', key: 'budget', money: true, width: 18 },
        { header: '缺口（元）', key: 'gap', money: true, width: 18 },
        { header: '已计算', key: 'units' },
        { header: '无数据', key: 'missing' },
      ],
      n.totals.map((t) => ({ item: AID_ITEM_INFO[t.item].zh, need: yuan(t.needFen), central: yuan(t.centralFen), local: yuan(t.localFen), budget: yuan(t.budgetFen), gap: yuan(t.gapFen), units: t.units, missing: t.unitsMissing })),
    );
    sheet(
      wb,
      '资助需求明细',
      [
        { header: '地区代码', key: 'code' },
        { header: '地区', key: 'name', width: 16 },
        { header: '资助项目', key: 'item', width: 30 },
        { header: '学段', key: 'level' },
        { header: '受助人数', key: 'n' },
        { header: '需求（元）', key: 'need', money: true, width: 16 },
        { header: '中央（元）', key: 'central', money: true, width: 16 },
        { header: '地方（元）', key: 'local', money: true, width: 16 },
        { header: '省级（元）', key: 'prov', money: true, width: 16 },
        { header: '县级（元）', key: 'county', money: true, width: 16 },
        { header: '预算（元）', key: 'budget', money: true, width: 16 },
        { header: '缺口（元）', key: 'gap', money: true, width: 16 },
        { header: '说明', key: 'note', width: 40 },
      ],
      n.needs.flatMap((u) =>
        u.rows.map((r) => ({
          code: u.code,
          name: u.name,
          item: AID_ITEM_INFO[r.item].zh,
          level: levelInfo(r.level).zh,
          n: r.recipients,
          need: yuan(r.needFen),
          central: yuan(r.centralFen),
          local: yuan(r.localFen),
          prov: yuan(r.provinceFen),
          county: yuan(r.countyFen),
          budget: yuan(r.budgetFen),
          gap: yuan(r.gapFen),
          note: r.missing ? `无数据：${r.missing.code}` : r.notes.join('；'),
        })),
      ),
    );
    prov.push(...provenance(n), `标准日期：${n.params.date}`);
  }
  if (parts.allocation) {
    const a = parts.allocation;
    sheet(
      wb,
      '名额分配',
      [
        { header: '地区代码', key: 'code' },
        { header: '地区', key: 'name', width: 16 },
        { header: '在校生', key: 'enrolled' },
        { header: '认定人数', key: 'eligible' },
        { header: '下限', key: 'floor' },
        { header: '上限', key: 'cap' },
        { header: '名额', key: 'quota' },
        { header: '受约束', key: 'held' },
        { header: '缺额', key: 'shortfall' },
        { header: '金额（元）', key: 'money', money: true, width: 18 },
      ],
      a.result.rows.map((r) => ({ code: r.code, name: r.name, enrolled: r.enrolled, eligible: r.eligible, floor: r.floor, cap: r.cap, quota: r.quota, held: { free: '自由', floor: '下限', cap: '上限' }[r.held], shortfall: r.shortfall, money: yuan(r.moneyFen) })),
    );
    prov.push(
      ...provenance(a),
      `学段：${levelInfo(a.level).zh}；名额总数 ${a.total}（${a.totalFrom === 'given' ? '给定' : `资助面 ${a.coverageBp! / 100}%`}）`,
      `权重：${AID_FACTORS.map((f) => `${f} ${a.result.normalisedWeights[f]}`).join('，')}${a.result.weightsNormalised ? '（已按合计归一）' : ''}`,
      `金额：${a.pricing}`,
    );
  }
  const p = wb.addWorksheet('数据来源');
  p.columns = [{ header: '数据来源与说明 / Provenance', key: 'p', width: 120 }];
  p.getRow(1).font = { bold: true };
  for (const line of prov) p.addRow({ p: line });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
