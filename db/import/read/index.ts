// The readers of the import pipeline: openSource() turns a .xlsx, .xls, .csv or .tsv file into
// sheets of raw rows (see types.ts for the contract), or throws a ReaderError naming the problem.
export { openSource, SAMPLE_BYTES } from './open';
export { ReaderError } from './errors';
export type { OpenOptions, SourceFormat, TableSource, TextEncoding } from './types';
export { DEFAULT_PASSWORD } from './decrypt';
export { STREAM_XLSX_BYTES } from './xlsx-stream';
