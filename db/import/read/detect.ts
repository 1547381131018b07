// What a file is, judged by its first bytes, never by its extension: users rename files, and
// download portals label HTML pages ".xls" and GBK text ".csv".
import { binaryKind, EXPECTED, type Kind } from './errors';
import type { TextEncoding } from './types';

export type Sniffed =
  | { kind: 'empty' }
  | { kind: 'zip' } // .xlsx (or another ZIP; zip.ts tells them apart)
  | { kind: 'ole2' } // .xls, or an encrypted .xlsx (EncryptionInfo + EncryptedPackage inside OLE2)
  | { kind: 'text' }
  | { kind: 'refused'; expected: string }; // binary or markup: 'file_unreadable' with this sentence

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

// Well-known binary signatures, for a message that names what the user actually picked.
const BINARY_MAGIC: readonly { sig: readonly number[]; what: Kind }[] = [
  { sig: [0x25, 0x50, 0x44, 0x46, 0x2d], what: ['PDF 文档', 'a PDF document'] },
  { sig: [0x89, 0x50, 0x4e, 0x47], what: ['PNG 图片', 'a PNG image'] },
  { sig: [0xff, 0xd8, 0xff], what: ['JPEG 图片', 'a JPEG image'] },
  { sig: [0x47, 0x49, 0x46, 0x38], what: ['GIF 图片', 'a GIF image'] },
  { sig: [0x1f, 0x8b], what: ['gzip 压缩包', 'a gzip archive'] },
  { sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: ['7z 压缩包', 'a 7z archive'] },
  { sig: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: ['RAR 压缩包', 'a RAR archive'] },
  { sig: [0x7f, 0x45, 0x4c, 0x46], what: ['可执行程序', 'an executable'] },
  { sig: [0x4d, 0x5a], what: ['可执行程序', 'an executable'] }, // MZ: only with binary bytes after it (checked below)
  { sig: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74, 0x20, 0x33, 0x00], what: ['SQLite 数据库', 'a SQLite database'] },
];

/** Classify a file from its first bytes (up to 64 KB). */
export function sniff(head: Uint8Array): Sniffed {
  if (head.length === 0) return { kind: 'empty' };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'ole2' };
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return { kind: 'refused', expected: EXPECTED.utf16 };
  const nul = head.indexOf(0);
  for (const m of BINARY_MAGIC) {
    if (startsWith(head, m.sig) && (m.sig.length > 2 || nul >= 0)) return { kind: 'refused', expected: binaryKind(m.what) };
  }
  // NUL never occurs in UTF-8 or GB18030 text; many control bytes mean binary too.
  if (nul >= 0) return { kind: 'refused', expected: EXPECTED.notText };
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i] as number;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) control++;
  }
  if (control > head.length / 100 + 1) return { kind: 'refused', expected: EXPECTED.notText };
  if (looksLikeMarkup(head)) return { kind: 'refused', expected: EXPECTED.markup };
  return { kind: 'text' };
}

/** HTML tables and SpreadsheetML saved as ".xls" by web portals: refuse them with advice. */
function looksLikeMarkup(head: Uint8Array): boolean {
  let i = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  if (head[i] !== 0x3c) return false; // '<'
  const start = new TextDecoder('latin1').decode(head.subarray(i, i + 512)).toLowerCase();
  return /^<(\?xml|!doctype html|html|table|head|body|meta)\b/.test(start);
}

export type EncodingGuess = { encoding: TextEncoding } | { refused: string };

/**
 * The text encoding of a file from its first 64 KB: a BOM decides; else valid UTF-8 means UTF-8
 * (ASCII is both); else valid GB18030 (a superset of GBK and GB2312, what Chinese Excel and the NBS
 * portal write) means GB18030; else it is not text we can read.
 */
export function guessEncoding(sample: Uint8Array): EncodingGuess {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8' };
  if (startsWith(sample, [0x84, 0x31, 0x95, 0x33])) return { encoding: 'gb18030' };
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    try {
      // stream: true so a character cut at the 64 KB boundary is not taken for invalid bytes
      new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: true });
      return { encoding };
    } catch {
      // not this one
    }
  }
  // UTF-8 text with a few damaged bytes is still UTF-8: read it as such, so the reader can name the
  // row where the damage is rather than refusing the whole file as unknown text.
  const text = new TextDecoder('utf-8').decode(sample, { stream: true });
  let bad = 0;
  let multibyte = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') bad++;
    else if (ch.charCodeAt(0) > 0x7f) multibyte++;
  }
  if (bad > 0 && multibyte >= 4 * bad && bad <= Math.max(4, text.length / 1000)) return { encoding: 'utf-8' };
  return { refused: EXPECTED.notUtf8OrGb };
}
