// A bulletin file as text: .txt (UTF-8, else GB18030), .docx (the paragraphs of word/document.xml,
// read with JSZip, which the workbook reader already ships), .pdf with a text layer (poppler's
// pdftotext, when installed). The file is only read; its SHA-256 is of the bytes as given.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import JSZip from 'jszip';
import { unwrapLines } from '../../core/bulletin/structure';

export type BulletinSource = { name: string; text: string; sha256: string; format: 'txt' | 'docx' | 'pdf'; encoding: 'utf-8' | 'gb18030' | null };

export class BulletinReadError extends Error {}

const XML_ENTITIES: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

/** Paragraph texts of a WordprocessingML body: <w:t> runs joined, one line per <w:p>, tabs and breaks kept as spaces/lines. */
export function docxParagraphs(xml: string): string {
  const body = xml.replace(/<w:tab\/>/g, '\t').replace(/<w:br[^>]*\/>/g, '\n');
  return body
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|\t|\n/g)].map((m) => (m[1] !== undefined ? m[1] : m[0])).join(''))
    .map((p) => p.replace(/&(lt|gt|amp|quot|apos);/g, (e) => XML_ENTITIES[e] ?? e).replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))))
    .filter((p) => p.trim() !== '')
    .join('\n');
}

function decodeText(bytes: Buffer): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

export async function readBulletinFile(file: string, pdftotext = 'pdftotext'): Promise<BulletinSource> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new BulletinReadError(`无法读取文件 ${file}：${(e as Error).message} / cannot read the file`);
  }
  const name = basename(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const ext = extname(file).toLowerCase();
  if (ext === '.docx') {
    let xml: string | undefined;
    try {
      xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
    } catch (e) {
      throw new BulletinReadError(`${name} 不是有效的 .docx 文件（${(e as Error).message}） / not a valid .docx file`);
    }
    if (xml === undefined) throw new BulletinReadError(`${name} 中没有 word/document.xml，不是 Word 文档 / no word/document.xml: not a Word document`);
    return { name, text: docxParagraphs(xml), sha256, format: 'docx', encoding: null };
  }
  if (ext === '.pdf') {
    const run = spawnSync(pdftotext, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') throw new BulletinReadError(`读取 PDF 需要 pdftotext（poppler-utils）：未找到该程序。请安装 poppler-utils，或将公告另存为 .txt / .docx 后再读 / reading a PDF needs pdftotext from poppler-utils, which is not installed`);
    if (run.status !== 0) throw new BulletinReadError(`pdftotext 无法读取 ${name}：${(run.stderr || '').trim()} / pdftotext could not read the PDF`);
    const text = unwrapLines(run.stdout.replace(/\f/g, '\n'));
    if (text.trim() === '') throw new BulletinReadError(`${name} 没有文字层（可能是扫描件），无法读取文字 / the PDF has no text layer (a scan?)`);
    return { name, text, sha256, format: 'pdf', encoding: null };
  }
  if (ext === '.txt' || ext === '.text' || ext === '') {
    const { text, encoding } = decodeText(bytes);
    return { name, text, sha256, format: 'txt', encoding };
  }
  throw new BulletinReadError(`不支持的文件类型 ${ext}：应为 .txt、.docx 或带文字层的 .pdf / expected .txt, .docx or .pdf`);
}
