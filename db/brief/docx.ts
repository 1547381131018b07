// A brief as a Word document (.docx, opens and edits in Word and WPS): A4, 黑体 title and headings,
// 仿宋 body at 三号-like size with a two-character first-line indent, real tables (numbers right-
// aligned), the spending chart as SVG (vector; a blank PNG stands in for readers without SVG), and
// a footer on every page with the short provenance and "第 X 页 共 Y 页".
import { AlignmentType, BorderStyle, Document, Footer, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { cellText, chartSvg } from '../../core/brief/html';
import type { Brief, BriefTable } from '../../core/brief/model';

const BODY = '仿宋';
const HEAD = '黑体';
// A 1×1 white PNG: the fallback Word requires beside an SVG image.
const BLANK_PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII='), (c) => c.charCodeAt(0));

const run = (text: string, font = BODY, size = 30, extra: Partial<ConstructorParameters<typeof TextRun>[0] & object> = {}) => new TextRun({ text, font: { eastAsia: font, ascii: font, hAnsi: font }, size, ...extra });

function table(t: BriefTable): (Paragraph | Table)[] {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '555555' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const header = new TableRow({
    tableHeader: true,
    children: t.columns.map((c) => new TableCell({ borders, children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(c.header, HEAD, 20)] })] })),
  });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.map((v, i) => new TableCell({ borders, children: [new Paragraph({ alignment: t.columns[i]!.kind === 'text' ? AlignmentType.LEFT : AlignmentType.RIGHT, children: [run(cellText(v, t.columns[i]!.kind), BODY, 20)] })] })),
      }),
  );
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 60 }, children: [run(t.caption, HEAD, 22)] }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
    ...(t.note ? [new Paragraph({ spacing: { after: 120 }, children: [run(t.note, BODY, 18)] })] : []),
  ];
}

export async function briefDocx(b: Brief): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, spacing: { after: 120 }, children: [run(b.title, HEAD, 44)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 360 }, border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'B22222', space: 4 } }, children: [run(`${b.subtitle}\u3000${b.date}`, BODY, 24)] }),
  ];
  for (const s of b.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 }, children: [run(s.heading, HEAD, 32)] }));
    for (const bl of s.blocks) {
      if (bl.type === 'paragraph') children.push(new Paragraph({ indent: { firstLine: 600 }, spacing: { line: 480, after: 120 }, alignment: AlignmentType.JUSTIFIED, children: [run(bl.text)] }));
      else if (bl.type === 'table') children.push(...table(bl.table));
      else
        children.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new ImageRun({ type: 'svg', data: new TextEncoder().encode(chartSvg(bl.chart)), fallback: { type: 'png', data: BLANK_PNG }, transformation: { width: 560, height: 224 } })],
          }),
        );
    }
  }
  children.push(new Paragraph({ spacing: { before: 360 }, border: { top: { style: BorderStyle.SINGLE, size: 4, color: '999999', space: 4 } }, children: [run(b.provenance[0] ?? '', BODY, 16)] }));
  for (const line of b.provenance.slice(1)) children.push(new Paragraph({ children: [run(line, BODY, 16)] }));
  const footer = new Footer({
    children: [
      new Paragraph({ children: [run(b.footer, BODY, 14)] }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: b.lang === 'zh' ? [run('第 ', BODY, 18), new TextRun({ children: [PageNumber.CURRENT], size: 18 }), run(' 页 共 ', BODY, 18), new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 18 }), run(' 页', BODY, 18)] : [run('Page ', BODY, 18), new TextRun({ children: [PageNumber.CURRENT], size: 18 }), run(' of ', BODY, 18), new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 18 })],
      }),
    ],
  });
  const doc = new Document({
    creator: '教育财政工作台',
    title: b.title,
    styles: { default: { document: { run: { font: { eastAsia: BODY, ascii: BODY, hAnsi: BODY }, size: 30 } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1247, left: 1588, right: 1474 } } }, footers: { default: footer }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
