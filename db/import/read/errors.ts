// The one error a reader throws. It carries a Problem (core/import/problems.ts) so the importer can
// show it like any other problem: where (file, sheet, row), what was found, what was expected.
// Anything else that escapes a reader is a bug, except an AbortError from the caller's signal.
import { clipValue, describeProblem, type Problem, type ProblemCode } from '../../../core/import/problems';

export class ReaderError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(describeProblem(problem));
    this.name = 'ReaderError';
    this.problem = problem;
  }
}

export type Where = { sheet?: string | null; row?: number | null; column?: string | null; value?: unknown };

/** A ReaderError for `file` (a base name). `expected` is one bilingual sentence "应为… / expected …". */
export function readerError(code: ProblemCode, file: string, expected: string, where: Where = {}): ReaderError {
  return new ReaderError({
    code,
    severity: 'error',
    file,
    sheet: where.sheet ?? null,
    row: where.row ?? null,
    column: where.column ?? null,
    value: clipValue(where.value),
    expected,
  });
}

/** The sentences users see; kept together so the same situation always reads the same way. */
export const EXPECTED = {
  empty: '文件是空的，应包含至少一行数据 / the file is empty; expected at least one row of data',
  noSheets: '工作簿中没有工作表，应至少有一张含数据的工作表 / the workbook has no worksheets; expected at least one with data',
  allSheetsEmpty: '工作簿中的工作表都是空的，应至少有一张含数据 / every worksheet is empty; expected at least one with data',
  encrypted: '文件受密码保护，需要密码才能读取；请提供密码或在 Excel 中取消密码后另存 / the file is protected with an unknown password; give the password or save it without one',
  wrongPassword: '所给密码无法打开此文件，应为正确的打开密码 / the password given does not open this file; expected the correct password',
  encryptionUnsupported: '文件使用了不支持的加密方式；请在 Excel 中取消密码后另存为 .xlsx / encrypted with a method we cannot read; save it without a password as .xlsx',
  corruptZip: '文件已损坏或不完整（ZIP 结构无法读取），应为完整的 .xlsx 文件；请重新下载或在 Excel 中另存 / the file is damaged or truncated (its ZIP structure cannot be read); expected a complete .xlsx file',
  corruptXlsx: '文件已损坏，无法读取其中的 Excel 工作簿，应为完整的 .xlsx 文件 / the workbook inside the file is damaged; expected a complete .xlsx file',
  corruptXls: '文件已损坏或不是 Excel 97-2003 工作簿，应为可读取的 .xls 文件 / the file is damaged or not an Excel 97-2003 workbook; expected a readable .xls file',
  notText: '文件不是文本（含二进制内容），应为 CSV/TSV 文本或 Excel 工作簿 / the file is binary, not text; expected CSV/TSV text or an Excel workbook',
  notUtf8OrGb: '文件内容既不是 UTF-8 也不是 GB18030/GBK 文本，应为这两种编码之一的 CSV / the text is neither UTF-8 nor GB18030/GBK; expected a CSV in one of these encodings',
  utf16: '文件是 UTF-16 编码的文本（Excel「Unicode 文本」），应为 UTF-8 或 GBK 编码；请另存为「CSV UTF-8」 / UTF-16 text (Excel "Unicode Text"); expected UTF-8 or GBK — save it as "CSV UTF-8"',
  markup: '文件是网页(HTML)或 XML 表格，不是 CSV/Excel 工作簿；请在 Excel 中打开后另存为 .xlsx / an HTML or XML page, not CSV or an Excel workbook; open it in Excel and save as .xlsx',
  changed: '文件在打开后被修改，应重新打开后再导入 / the file changed after it was opened; open it again before importing',
  unclosedQuote: '引号未闭合：一个带引号的字段一直没有结束，应为成对的引号（字段内的引号写作 ""） / a quoted field is never closed; expected matching quotes (a quote inside a field is written "")',
  recordTooLong: '单条记录超过 16 MB，多半是引号未闭合，应为成对的引号 / a single record longer than 16 MB, probably an unclosed quote; expected matching quotes',
} as const;

export function encodingInvalid(encoding: string): string {
  // Chinese Excel saves "CSV" as GBK, so the likeliest cure for bad UTF-8 is to read it as GB18030.
  if (encoding === 'utf-8') return '此处的字节不是有效的 UTF-8 文本；如文件为 GBK/GB18030 编码（中文 Excel 默认），请将文本编码选为 GB18030（--encoding gb18030），否则请另存为「CSV UTF-8」 / bytes here are not valid UTF-8; if the file is GBK, choose the GB18030 encoding (--encoding gb18030), otherwise save it as "CSV UTF-8"';
  return '此处的字节不是有效的 GB18030/GBK 文本，应为同一编码的文本；请确认文件编码或另存为「CSV UTF-8」 / bytes here are not valid GB18030/GBK; expected text in one encoding — check the file\'s encoding or save it as "CSV UTF-8"';
}

export function sheetNotFound(available: readonly string[]): string {
  const list = available.length ? available.join('、') : '（无）';
  return `应为现有工作表之一：${list} / expected one of the sheets in the file: ${available.length ? available.join(', ') : '(none)'}`;
}

/** What a file really is, in both languages: ['PDF 文档', 'a PDF document']. */
export type Kind = readonly [zh: string, en: string];

export function binaryKind([zh, en]: Kind): string {
  return `文件是${zh}，不是 CSV/TSV 文本或 Excel 工作簿 / the file is ${en}, not CSV/TSV text or an Excel workbook`;
}

export function zipNotWorkbook([zh, en]: Kind, adviceZh = '', adviceEn = ''): string {
  return `文件是${zh}，不是 Excel 工作簿；应为 .xlsx、.xls 或 CSV${adviceZh} / the file is ${en}, not an Excel workbook; expected .xlsx, .xls or CSV${adviceEn}`;
}
