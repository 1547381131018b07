// Import and export for the app: uploads are kept as read-only copies under the data folder (the
// user's original is never touched), each import runs on its own write connection so the rest of
// the app never sees half an import, and exports return bytes the renderer saves.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import Database from 'better-sqlite3';
import { CodedError } from '../../../core/result';
import { exportDataset } from '../../../db/export/dataset-export';
import { tableToCsv, tableToXlsx } from '../../../db/export/table-file';
import { importTemplate } from '../../../db/export/template';
import { compareDatasets } from '../../../db/import/compare';
import { DATASET_KIND_TO_IMPORT, FACT_TABLES } from '../../../db/import/fact-tables';
import { createRegionDirectory } from '../../../db/import/region-directory';
import { runImport } from '../../../db/import/run';
import { getDataset } from '../../../db/repos/datasets';
import { configureConnection } from '../../../db/open';
import type { Handlers } from '../dispatcher';
import type { EngineState } from '../state';

const SAFE_EXT = /^\.(xlsx|xls|csv|tsv|txt)$/i;

export function uploadsDir(state: EngineState): string {
  return join(dirname(state.file), 'uploads');
}

function uploadPath(state: EngineState, uploadId: string, fileName: string): string {
  const ext = extname(fileName).toLowerCase();
  return join(uploadsDir(state), `${uploadId}${SAFE_EXT.test(ext) ? ext : '.bin'}`);
}

export function importHandlers(state: EngineState): Pick<Handlers, 'import.upload' | 'import.preview' | 'import.commit' | 'import.template' | 'datasets.compare' | 'datasets.export' | 'table.export'> {
  const run = async (input: { uploadId: string; fileName: string; request: Parameters<typeof runImport>[1] }, dryRun: boolean, signal: AbortSignal, progress: (d: number, t: number, s?: string) => void) => {
    const file = uploadPath(state, input.uploadId, input.fileName);
    if (!existsSync(file)) throw new CodedError('not_found', '上传的文件已不存在，请重新选择 / the uploaded file is gone; choose it again');
    const writer = new Database(state.file);
    configureConnection(writer);
    try {
      return await runImport(file, input.request, { db: writer, regions: createRegionDirectory(writer), dryRun, signal, progress, displayName: input.fileName });
    } finally {
      writer.close();
    }
  };
  return {
    'import.upload': ({ fileName, bytes }) => {
      const uploadId = createHash('sha256').update(bytes).digest('hex');
      mkdirSync(uploadsDir(state), { recursive: true });
      const file = uploadPath(state, uploadId, fileName);
      if (!existsSync(file)) {
        writeFileSync(file, bytes);
        chmodSync(file, 0o444); // a read-only copy: the import reads it, nothing ever writes it
      }
      return { uploadId, fileName, sizeBytes: bytes.length };
    },
    'import.preview': (input, ctx) => run(input, true, ctx.signal, ctx.progress),
    'import.commit': (input, ctx) => run(input, false, ctx.signal, ctx.progress),
    'import.template': async ({ kind }) => ({ fileName: `导入模板-${kind}.xlsx`, bytes: await importTemplate(kind) }),
    'datasets.compare': ({ a, b, limit }) => {
      const da = getDataset(state.db, a);
      const dbb = getDataset(state.db, b);
      if (!da || !dbb) throw new CodedError('not_found', `数据集 #${!da ? a : b} 不存在 / dataset does not exist`);
      const kind = DATASET_KIND_TO_IMPORT[da.kind];
      if (!kind || da.kind !== dbb.kind) throw new CodedError('bad_input', `#${a}（${da.kind}）与 #${b}（${dbb.kind}）类型不同，无法逐格比较 / different kinds cannot be compared`);
      return { a: da, b: dbb, ...compareDatasets(state.db, FACT_TABLES[kind], a, b, limit) };
    },
    'datasets.export': async ({ id, format }) => {
      const d = getDataset(state.db, id);
      if (!d) throw new CodedError('not_found', `数据集 #${id} 不存在 / dataset #${id} does not exist`);
      const stem = d.name.replace(/[\\/:*?"<>|]/g, '_').slice(0, 80);
      return { fileName: `${stem}.${format === 'arrow' ? 'arrow' : format}`, bytes: await exportDataset(state.db, id, format) };
    },
    'table.export': async ({ format, fileStem, table }) => ({
      fileName: `${fileStem.replace(/[\\/:*?"<>|]/g, '_')}.${format}`,
      bytes: format === 'csv' ? tableToCsv(table) : await tableToXlsx(table),
    }),
  };
}
