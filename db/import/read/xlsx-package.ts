// An .xlsx judged as a package before exceljs sees it: a readable ZIP, with a workbook part, and
// (for the streamed path) its worksheets' names and XML parts, read from workbook.xml and its rels.
import { EXPECTED, readerError, zipNotWorkbook, type Kind } from './errors';
import { readZipDirectory, readZipText, ZipError, type ReadAt, type ZipEntry } from './zip';

/** `hidden`: the sheet's state is hidden or veryHidden (Excel does not show its tab). */
export type SheetPart = { name: string; part: string; hidden?: boolean };
export type XlsxPackage = { entries: Map<string, ZipEntry>; sheets: SheetPart[] };

/** ZIP-based formats that are not .xlsx, by a part only they have; `resave`: Excel can convert it. */
const NOT_WORKBOOK: readonly { part: string; kind: Kind; resave: boolean }[] = [
  { part: 'xl/workbook.bin', kind: ['Excel 二进制工作簿 (.xlsb)', 'an Excel binary workbook (.xlsb)'], resave: true },
  { part: 'content.xml', kind: ['OpenDocument 表格 (.ods)', 'an OpenDocument spreadsheet (.ods)'], resave: true },
  { part: 'word/document.xml', kind: ['Word 文档', 'a Word document'], resave: false },
  { part: 'ppt/presentation.xml', kind: ['PowerPoint 演示文稿', 'a PowerPoint presentation'], resave: false },
];
const ZIP: Kind = ['普通 ZIP 压缩包', 'a plain ZIP archive'];

export async function inspectXlsx(readAt: ReadAt, size: number, fileName: string): Promise<XlsxPackage> {
  let entries: Map<string, ZipEntry>;
  try {
    entries = await readZipDirectory(readAt, size);
  } catch (e) {
    if (e instanceof ZipError) throw readerError('file_unreadable', fileName, EXPECTED.corruptZip);
    throw e;
  }
  const book = entries.get('xl/workbook.xml');
  if (!book) {
    const known = NOT_WORKBOOK.find((k) => entries.has(k.part));
    const advice = known?.resave ? (['；请在 Excel 中另存为 .xlsx', '; save it as .xlsx in Excel'] as const) : (['', ''] as const);
    throw readerError('file_unreadable', fileName, zipNotWorkbook(known?.kind ?? ZIP, ...advice));
  }
  try {
    const rels = entries.get('xl/_rels/workbook.xml.rels');
    const sheets = listSheets(await readZipText(readAt, book), rels ? await readZipText(readAt, rels) : '');
    return { entries, sheets };
  } catch (e) {
    if (e instanceof ZipError) throw readerError('file_unreadable', fileName, EXPECTED.corruptXlsx);
    throw e;
  }
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out.set(m[1] ?? '', xmlDecode(m[3] ?? m[4] ?? ''));
  return out;
}

/** Worksheets (not chart sheets) in workbook order, with the ZIP part holding each one's XML. */
export function listSheets(workbookXml: string, relsXml: string): SheetPart[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (!/\/worksheet$/.test(a.get('Type') ?? '')) continue;
    const target = a.get('Target') ?? '';
    targets.set(a.get('Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: SheetPart[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const rid = [...a].find(([k]) => /(^|:)id$/.test(k) && k !== 'sheetId')?.[1] ?? '';
    const part = targets.get(rid);
    const name = a.get('name');
    const state = a.get('state');
    if (part && name !== undefined) sheets.push({ name, part, ...(state === 'hidden' || state === 'veryHidden' ? { hidden: true } : {}) });
  }
  return sheets;
}

export function xmlDecode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      // A reference past U+10FFFF is not a character (fromCodePoint would throw): U+FFFD, as XML
      // parsers that recover do, and the name still reaches the user readable.
      return code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
    }
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e] ?? '';
  });
}
