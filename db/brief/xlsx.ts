// A brief as an Excel workbook: the text on a sheet of its own, each table on its own sheet with
// numbers stored as numbers and display formats (#,##0.00, signed percentages), A4 page setup,
// and the provenance both in every sheet's printed footer (with page numbers) and on a sheet.
import ExcelJS from 'exceljs';
import type { Brief, CellKind } from '../../core/brief/model';

const NUM_FMT: Record<CellKind, string | undefined> = { text: undefined, integer: '#,##0', year: '0', decimal4: '0.0000', yuan2: '#,##0.00', yi2: '#,##0.00', wan2: '#,##0.00', percent2: '+0.00;-0.00;0.00' };
const FONT = { name: '仿宋', size: 12 };
const HEAD = { name: '黑体', size: 12 };

function sheetName(s: string, used: Set<string>): string {
  let name = s.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31).trim() || '表';
  for (let k = 2; used.has(name); k++) name = `${name.slice(0, 28)} ${k}`;
  used.add(name);
  return name;
}

function pageSetup(ws: ExcelJS.Worksheet, footer: string, lang: 'zh' | 'en'): void {
  ws.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.7, right: 0.7, top: 0.9, bottom: 0.8, header: 0.3, footer: 0.3 } };
  // Excel header/footer codes: &L left, &R right, &P page, &N pages; "&&" would print a literal &.
  ws.headerFooter = { oddFooter: `&L&8${footer.replace(/&/g, '&&')}&R&8${lang === 'zh' ? '第 &P 页 共 &N 页' : 'Page &P of &N'}` };
}

export async function briefXlsx(b: Brief): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '教育财政工作台';
  wb.created = new Date(0); // deterministic: the generation time is in the provenance
  const used = new Set<string>();
  const text = wb.addWorksheet(sheetName(b.lang === 'zh' ? '简报' : 'Brief', used));
  text.getColumn(1).width = 110;
  const add = (value: string, font: Partial<ExcelJS.Font>) => {
    const row = text.addRow([value]);
    row.getCell(1).font = font;
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  };
  add(b.title, { ...HEAD, size: 16 });
  add(`${b.subtitle}\u3000${b.date}`, FONT);
  for (const s of b.sections) {
    add(s.heading, { ...HEAD, size: 14 });
    for (const bl of s.blocks) {
      if (bl.type === 'paragraph') add(bl.text, FONT);
      else if (bl.type === 'chart') add(`${bl.chart.title}：${bl.chart.bars.map((x) => `${x.label} ${x.value.toFixed(2)}${x.note ? `（${x.note}）` : ''}`).join('；')}`, FONT);
      else add(`${bl.table.caption}（${b.lang === 'zh' ? '见工作表' : 'see sheet'}）`, FONT);
    }
  }
  pageSetup(text, b.footerShort, b.lang);

  for (const s of b.sections)
    for (const bl of s.blocks) {
      if (bl.type !== 'table') continue;
      const t = bl.table;
      const ws = wb.addWorksheet(sheetName(t.caption.split(/\s{2,}/)[0] ?? t.caption, used), { views: [{ state: 'frozen', ySplit: 2 }] });
      ws.addRow([t.caption]).getCell(1).font = HEAD;
      const header = ws.addRow(t.columns.map((c) => c.header));
      header.eachCell((c) => {
        c.font = HEAD;
        c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        c.border = { bottom: { style: 'thin' } };
      });
      for (const r of t.rows) {
        const row = ws.addRow(r.map((v) => v));
        t.columns.forEach((c, i) => {
          const cell = row.getCell(i + 1);
          cell.font = FONT;
          const fmt = NUM_FMT[c.kind];
          if (fmt && typeof r[i] === 'number') cell.numFmt = fmt;
        });
      }
      if (t.note) ws.addRow([t.note]).getCell(1).font = { ...FONT, size: 10 };
      t.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.kind === 'text' ? Math.max(12, Math.min(40, c.header.length * 2 + 4)) : 16));
      // The full provenance under every table, the short one in the printed footer.
      ws.addRow([]);
      for (const line of b.provenance) ws.addRow([line]).getCell(1).font = { ...FONT, size: 9 };
      pageSetup(ws, b.footerShort, b.lang);
    }

  const prov = wb.addWorksheet(sheetName(b.lang === 'zh' ? '数据来源' : 'Provenance', used));
  prov.getColumn(1).width = 140;
  for (const line of b.provenance) prov.addRow([line]).getCell(1).font = { ...FONT, size: 10 };
  pageSetup(prov, b.footerShort, b.lang);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
