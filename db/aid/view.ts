// The aid reports shaped for the engine's contract (core/aid/view): flat rows, the reason for every
// 无数据, and the legal references of the standards that were used.
import type Database from 'better-sqlite3';
import { AID_ITEMS, AID_ITEM_INFO } from '../../core/aid/items';
import type { AidOverlay } from '../../core/aid/params';
import type { AidAllocationView, AidNeedView } from '../../core/aid/view';
import { isLevelCode, levelInfo, type LevelCode } from '../../core/levels';
import { CodedError } from '../../core/result';
import { allocationReport, needReport, QuotaInputError } from './report';

export function aidNeedView(db: Database.Database, regionCode: string, year: number, overlay: AidOverlay = {}): AidNeedView {
  const r = needReport(db, regionCode, year, { name: overlay && Object.keys(overlay).length ? '方案' : '现行标准', overlay });
  const refs: AidNeedView['refs'] = [];
  for (const item of AID_ITEMS) {
    for (const level of AID_ITEM_INFO[item].levels) {
      const s = r.params.standard(item, level);
      if (s?.ref && s.confidence) refs.push({ label: `${AID_ITEM_INFO[item].zh}（${levelInfo(level).zh}）`, value: `${s.value / 100} 元/生·年`, document: s.ref.document, article: s.ref.article, url: s.ref.url, confidence: s.confidence });
    }
  }
  const shares = r.params.centralShareByDang;
  if (shares?.ref && shares.confidence) refs.push({ label: '中央分担比例（分档）', value: shares.value.map((v) => `${v / 100}%`).join(' / '), document: shares.ref.document, article: shares.ref.article, url: shares.ref.url, confidence: shares.confidence });
  return {
    region: { code: r.inputs.region.code, name: r.inputs.region.name },
    year,
    date: r.params.date,
    dang: r.inputs.dang,
    dangSource: r.inputs.dangSource,
    sources: r.inputs.sources,
    scenarioHash: r.scenarioHash,
    totals: r.totals,
    rows: r.needs.flatMap((n) => n.rows.map((x) => ({ code: n.code, name: n.name, item: x.item, level: x.level, recipients: x.recipients, needFen: x.needFen, centralFen: x.centralFen, localFen: x.localFen, budgetFen: x.budgetFen, gapFen: x.gapFen, missing: x.missing?.code ?? null, notes: x.notes }))),
    refs,
  };
}

export type AllocateRequest = { regionCode: string; year: number; level: LevelCode; total?: number | undefined; coverage?: number | undefined; weights?: Record<string, number> | undefined; minRatio?: number | undefined; capEligible?: number | null | undefined; overlay?: AidOverlay | undefined };

export function aidAllocationView(db: Database.Database, q: AllocateRequest): AidAllocationView {
  if (!isLevelCode(q.level)) throw new CodedError('bad_input', `unknown level ${q.level}`);
  const allocation = {
    level: q.level,
    ...(q.total !== undefined ? { total: q.total } : {}),
    ...(q.coverage !== undefined ? { coverage: q.coverage } : {}),
    ...(q.weights ? { weights: q.weights } : {}),
    ...(q.minRatio !== undefined ? { min_ratio: q.minRatio } : {}),
    ...(q.capEligible !== undefined ? { cap_eligible: q.capEligible } : {}),
  };
  try {
    const r = allocationReport(db, q.regionCode, q.year, { name: '名额分配', overlay: q.overlay ?? {}, allocation });
    return { ok: true, problem: null, total: r.total, totalFrom: r.totalFrom, coverageBp: r.coverageBp, status: r.result.status, weights: r.result.normalisedWeights, weightsNormalised: r.result.weightsNormalised, pricing: r.pricing, moneyFen: r.result.moneyFen, rows: r.result.rows.map(({ share: _share, ...row }) => row), shortOf: r.result.shortOf, excluded: r.excluded, scenarioHash: r.scenarioHash };
  } catch (e) {
    // Holes in the inputs are an answer the user must see where the table would be, not a crash.
    if (e instanceof QuotaInputError || (e instanceof CodedError && e.code === 'bad_input' && !/没有学生资助数据/.test(e.message))) {
      return { ok: false, problem: e.message, total: 0, totalFrom: 'given', coverageBp: null, status: 'ok', weights: { students: 0, eligible: 0, economic: 0, fiscal: 0 }, weightsNormalised: false, pricing: '', moneyFen: null, rows: [], shortOf: [], excluded: [], scenarioHash: '' };
    }
    throw e;
  }
}
