// One brief in one format: gather → build → write. Used by `wb brief` and the engine.
import type Database from 'better-sqlite3';
import { buildBrief } from '../../core/brief/build';
import { briefHtml } from '../../core/brief/html';
import type { Brief, BriefSection } from '../../core/brief/model';
import { briefDocx } from './docx';
import { gatherBrief, type BriefQuery } from './gather';
import { htmlToPdf } from './pdf';
import { briefXlsx } from './xlsx';

export type BriefFormat = 'pdf' | 'docx' | 'xlsx' | 'html';

export function composeBrief(db: Database.Database, q: BriefQuery & { sections: readonly BriefSection[]; lang: 'zh' | 'en' }): Brief {
  return buildBrief(gatherBrief(db, q), q.sections, q.lang);
}

export async function writeBrief(brief: Brief, format: BriefFormat): Promise<Uint8Array> {
  switch (format) {
    case 'html':
      return new TextEncoder().encode(briefHtml(brief));
    case 'pdf':
      return htmlToPdf(briefHtml(brief), brief.footer, brief.lang);
    case 'docx':
      return briefDocx(brief);
    case 'xlsx':
      return briefXlsx(brief);
  }
}
