// The 公告 tab's two calls: a bulletin file to text (kept read-only beside the database, like every
// upload), and a bulletin's text — as read, or as the user edited it — to a bulletin dataset on its
// own write connection, all facts or none. The text the dataset was made from is what its SHA-256
// is of, so an edited text is a different source from the file it started as.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import Database from 'better-sqlite3';
import { readBulletin } from '../../../core/bulletin/read';
import { CodedError } from '../../../core/result';
import { importBulletin } from '../../../db/bulletin/import';
import { BulletinReadError, readBulletinFile } from '../../../db/bulletin/source';
import { createRegionDirectory } from '../../../db/import/region-directory';
import { configureConnection } from '../../../db/open';
import type { Handlers } from '../dispatcher';
import type { EngineState } from '../state';
import { uploadsDir } from './imports';

const BULLETIN_EXT = /^\.(txt|docx|pdf)$/i;

export function bulletinHandlers(state: EngineState): Pick<Handlers, 'bulletin.text' | 'bulletin.import'> {
  return {
    'bulletin.text': async ({ fileName, bytes }) => {
      const ext = extname(fileName).toLowerCase();
      if (!BULLETIN_EXT.test(ext)) throw new CodedError('bad_input', `${fileName}：应为 .txt、.docx 或带文字层的 .pdf / expected .txt, .docx or .pdf`);
      const id = createHash('sha256').update(bytes).digest('hex');
      mkdirSync(uploadsDir(state), { recursive: true });
      const file = join(uploadsDir(state), `${id}${ext}`);
      if (!existsSync(file)) {
        writeFileSync(file, bytes);
        chmodSync(file, 0o444);
      }
      try {
        const source = await readBulletinFile(file);
        return { text: source.text, format: source.format, sha256: source.sha256 };
      } catch (e) {
        if (e instanceof BulletinReadError) throw new CodedError('bad_input', e.message.replace(file, fileName));
        throw e;
      }
    },
    'bulletin.import': ({ text, fileName, regionCode, year }) => {
      const reading = readBulletin(text, { year });
      if (reading.figures.length === 0) throw new CodedError('bad_input', '没有读到任何带单位的数值，不像是教育经费统计公告 / no figures found');
      const writer = new Database(state.file);
      configureConnection(writer);
      try {
        const regions = createRegionDirectory(writer);
        let code = regionCode;
        if (code === null) {
          const resolved = reading.region ? regions.lookup.resolve(reading.region) : null;
          if (!resolved || !resolved.ok) return { status: 'refused' as const, datasetId: null, datasetName: null, regionCode: null, facts: 0, problems: [`无法从标题确定地区${reading.region ? `「${reading.region}」` : ''}，请填写地区代码 / give the region code`] };
          code = resolved.code;
        }
        const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
        const outcome = importBulletin(writer, reading, { name: fileName, sha256, encoding: 'utf-8' }, code, { regions });
        if (outcome.status === 'refused') return { status: 'refused' as const, datasetId: null, datasetName: null, regionCode: code, facts: 0, problems: outcome.problems };
        return { status: outcome.status, datasetId: outcome.datasetId, datasetName: outcome.datasetName, regionCode: code, facts: outcome.facts.length, problems: [] };
      } finally {
        writer.close();
      }
    },
  };
}
