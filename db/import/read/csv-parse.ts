// An incremental CSV/TSV parser over decoded text chunks: no I/O, no regexes, no per-character
// string building on the common path. It is on the import benchmark, so:
//   * a record without a double quote is found with indexOf (line end) and cut at separators found
//     with indexOf — the common case for machine-written files (measured faster than slicing the
//     line and calling split(), which allocates the line first);
//   * only a record that contains a quote goes through the RFC 4180 state machine, which still
//     jumps from quote to quote with indexOf;
//   * an unfinished record at the end of a chunk is carried into the next chunk.
//
// Conventions (documented in the TableSource contract):
//   * records are numbered from 1; a quoted field spanning lines is one record, so `n` counts
//     records, not physical lines;
//   * line ends are LF, CRLF or a lone CR, freely mixed;
//   * an empty field is null (quoted or not); trailing empty fields are trimmed, so a trailing
//     separator at the end of a line never yields an extra cell;
//   * a blank record (an empty line, or only separators) is [] — but blank records after the last
//     non-blank one are dropped, like trailing empty rows of a sheet;
//   * lenient like Excel where RFC 4180 says nothing: a quote inside an unquoted field is text, and
//     text after a closing quote is appended to the field.
import type { Cell, RawRow } from '../../../core/import/cells';
import type { Separator } from './delimiter';

/** One record longer than this is almost surely an unclosed quote; refusing it bounds memory. */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

export class CsvSyntaxError extends Error {
  constructor(
    readonly kind: 'unclosedQuote' | 'recordTooLong',
    readonly row: number,
  ) {
    super(`${kind} at record ${row}`);
    this.name = 'CsvSyntaxError';
  }
}

const EMPTY: Cell[] = [];
const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;
const TAB = 9;

export class CsvParser {
  private carry = '';
  /** Records numbered so far (including blank ones held back). */
  private n = 0;
  /** Blank records not yet emitted: they are emitted only if a non-blank record follows. */
  private heldBlank = 0;
  private started = false;
  private readonly sepCode: number;
  /** The NBS "\t," separator: two characters, TAB then COMMA. */
  private readonly tabComma: boolean;
  private readonly sepLen: number;
  /** Next separator at or after the current position in the chunk being parsed (-2 unknown, -1 none). */
  private sepAt = -2;

  constructor(private readonly sep: Separator) {
    this.sepCode = sep.charCodeAt(0);
    this.tabComma = sep === '\t,';
    this.sepLen = sep.length;
  }

  /** The number the next record will get (the one being read when something goes wrong). */
  get nextRow(): number {
    return this.n + 1;
  }

  /** The text of the unfinished record carried to the next chunk. */
  get pending(): string {
    return this.carry;
  }

  /** Parse a chunk of text, appending complete records to `out`. */
  push(text: string, out: RawRow[]): void {
    this.parse(text, out, false);
  }

  /** End of input: flush the unfinished record, if any. */
  end(out: RawRow[]): void {
    this.parse('', out, true);
  }

  private parse(text: string, out: RawRow[], final: boolean): void {
    let s = this.carry.length > 0 ? this.carry + text : text;
    this.carry = '';
    this.sepAt = -2;
    if (!this.started && s.length > 0) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1); // a BOM the decoder left (GB18030 BOM)
    }
    const len = s.length;
    let pos = 0;
    // Next LF / CR / quote at or after pos; -2 = not searched yet, -1 = none in this chunk.
    let lf = -2;
    let cr = -2;
    let q = -2;
    while (pos < len) {
      if (lf !== -1 && lf < pos) lf = s.indexOf('\n', pos);
      if (cr !== -1 && cr < pos) cr = s.indexOf('\r', pos);
      if (q !== -1 && q < pos) q = s.indexOf('"', pos);
      let end = lf === -1 ? cr : cr === -1 ? lf : lf < cr ? lf : cr;
      if (q !== -1 && (end === -1 || q < end)) {
        const next = this.quotedRecord(s, pos, final, out);
        if (next < 0) return this.keep(s, pos);
        pos = next;
        continue;
      }
      if (end === -1) {
        if (!final) return this.keep(s, pos);
        end = len;
      } else if (end === len - 1 && !final && s.charCodeAt(end) === CR) {
        return this.keep(s, pos); // a CR at the chunk end may be the first half of CRLF
      }
      this.emit(this.lineCells(s, pos, end), out);
      pos = end + (s.charCodeAt(end) === CR && s.charCodeAt(end + 1) === LF ? 2 : 1);
    }
  }

  private keep(s: string, pos: number): void {
    this.carry = pos === 0 ? s : s.slice(pos);
    if (this.carry.length > MAX_RECORD_CHARS) throw new CsvSyntaxError('recordTooLong', this.nextRow);
  }

  /**
   * Cells of a record without quotes, cut at separators found with indexOf. The next separator's
   * position is cached across records (`sep`), so a file with few separators is not rescanned.
   */
  private lineCells(s: string, start: number, end: number): Cell[] {
    if (this.tabComma && end > start && s.charCodeAt(end - 1) === TAB) end--; // a stray tab before the line end
    if (end === start) return EMPTY;
    const cells: Cell[] = [];
    let p = start;
    let sp = this.sepAt;
    let last = -1;
    for (;;) {
      if (sp !== -1 && sp < p) sp = s.indexOf(this.sep, p);
      const k = sp === -1 || sp > end ? end : sp;
      if (k > p) {
        cells.push(s.slice(p, k));
        last = cells.length;
      } else cells.push(null);
      if (k === end) break;
      p = k + this.sepLen;
    }
    this.sepAt = sp;
    if (last === -1) return EMPTY;
    if (last !== cells.length) cells.length = last; // trailing empty fields; setting length is not free
    return cells;
  }

  /**
   * A record containing a quote, RFC 4180 style, from `start`. Returns the position after its line
   * end, or -1 if the chunk ends before the record does (the caller carries it over).
   */
  private quotedRecord(s: string, start: number, final: boolean, out: RawRow[]): number {
    const len = s.length;
    const cells: Cell[] = [];
    let i = start;
    for (;;) {
      let value: string;
      let k: number;
      if (i < len && s.charCodeAt(i) === QUOTE) {
        let buf = '';
        let j = i + 1;
        for (;;) {
          const qq = s.indexOf('"', j);
          if (qq === -1) {
            if (!final) return -1;
            throw new CsvSyntaxError('unclosedQuote', this.nextRow);
          }
          if (qq + 1 === len && !final) return -1; // "" or a closing quote? the next chunk tells
          if (s.charCodeAt(qq + 1) === QUOTE) {
            buf += s.slice(j, qq + 1);
            j = qq + 2;
            continue;
          }
          buf += s.slice(j, qq);
          j = qq + 1;
          break;
        }
        k = this.fieldEnd(s, j);
        if (k > j) buf += s.slice(j, k);
        value = buf;
      } else {
        k = this.fieldEnd(s, i);
        value = s.slice(i, k);
      }
      cells.push(value === '' ? null : value);
      if (k >= len) {
        if (!final) return -1;
        this.emit(trimCells(cells), out);
        return len;
      }
      const c = s.charCodeAt(k);
      if (c === LF || c === CR) {
        if (c === CR && k + 1 === len && !final) return -1;
        this.emit(trimCells(cells), out);
        return k + (c === CR && s.charCodeAt(k + 1) === LF ? 2 : 1);
      }
      i = k + this.sepLen;
    }
  }

  /** Position of the separator or line end that ends a field starting at `from` (or len). */
  private fieldEnd(s: string, from: number): number {
    const len = s.length;
    const a = this.sepCode;
    for (let k = from; k < len; k++) {
      const c = s.charCodeAt(k);
      if (c === LF || c === CR) return k;
      if (c === a) {
        if (!this.tabComma) return k;
        if (k + 1 === len) return len; // TAB at the chunk end: is a COMMA next? wait for more text
        if (s.charCodeAt(k + 1) === COMMA) return k;
      }
    }
    return len;
  }

  private emit(cells: Cell[], out: RawRow[]): void {
    const n = ++this.n;
    if (cells.length === 0) {
      this.heldBlank++;
      return;
    }
    if (this.heldBlank > 0) {
      for (let b = n - this.heldBlank; b < n; b++) out.push({ n: b, cells: [] });
      this.heldBlank = 0;
    }
    out.push({ n, cells });
  }
}

/** Empty strings to null, trailing nulls dropped (in place). */
function trimCells(cells: Cell[]): Cell[] {
  let last = -1;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i] === '') cells[i] = null;
    else if (cells[i] !== null) last = i;
  }
  if (last === -1) return EMPTY;
  if (last + 1 !== cells.length) cells.length = last + 1; // setting length is not free, even unchanged
  return cells;
}
