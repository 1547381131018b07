// Gathers a brief's figures: the region's spending and enrolment by level (the home view's series,
// on its current boundary), five years of spending, the 基准定额 in force (core/brief/law.ts), the two never-decrease
// rules for the counties under it with their annotations (the compliance run), and optionally a
// stored transfer scenario's results. Every dataset read is listed for the provenance footer.
import { gatherTargetsFigures } from './section-targets';
import type Database from 'better-sqlite3';
import type { BriefData, CountyFigures, LevelFigures } from '../../core/brief/data';
import { citationText, quotaFromLaw } from '../../core/brief/law';
import { totalSpending } from '../../core/compliance/rules/totals';
import { RULES } from '../../core/compliance/registry';
import type { RegionInputs } from '../../core/compliance/inputs';
import { canonicalJson, sha256Hex } from '../../core/hash/sha256';
import { LEVEL_CODES, type LevelOrAll } from '../../core/levels';
import { CodedError } from '../../core/result';
import { report } from '../../core/transfer/compare';
import { prepare } from '../../core/transfer/prepare';
import { runCheck } from '../compliance/check';
import { loadStandards } from '../compliance/standards';
import { perStudentSeries } from '../repos/series';
import { getScenario } from '../transfer/scenarios';
import { gatherSimInputs } from '../transfer/inputs';

export type BriefQuery = { regionCode: string; year?: number | undefined; scenarioId?: number | undefined; appVersion: string; now?: Date };

/** A short, stable version of the rule registry: the hash of its definitions. */
export const RULES_VERSION = sha256Hex(canonicalJson(RULES)).slice(0, 12);

function levelFigures(rows: ReturnType<typeof perStudentSeries>['rows'], year: number): LevelFigures[] {
  const at = (y: number, l: LevelOrAll) => rows.find((r) => r.year === y && r.level === l);
  const present = LEVEL_CODES.filter((l) => at(year, l) || at(year - 1, l));
  const figures: LevelFigures[] = present.map((level) => ({
    level,
    spendingFen: at(year, level)?.spendingFen ?? null,
    priorSpendingFen: at(year - 1, level)?.spendingFen ?? null,
    students: at(year, level)?.students ?? null,
    priorStudents: at(year - 1, level)?.students ?? null,
  }));
  const sum = (f: (x: LevelFigures) => number | null) => {
    const vals = figures.map(f).filter((v): v is number => v !== null);
    return vals.length ? vals.reduce((a, b) => a + b, 0) : null;
  };
  // Without a level split the source's printed total stands for all levels.
  const all: LevelFigures = figures.length
    ? { level: 'all', spendingFen: sum((x) => x.spendingFen), priorSpendingFen: sum((x) => x.priorSpendingFen), students: sum((x) => x.students), priorStudents: sum((x) => x.priorStudents) }
    : { level: 'all', spendingFen: at(year, 'all')?.spendingFen ?? null, priorSpendingFen: at(year - 1, 'all')?.spendingFen ?? null, students: at(year, 'all')?.students ?? null, priorStudents: at(year - 1, 'all')?.students ?? null };
  return [...figures, all];
}

function students(r: RegionInputs, year: number): number | null {
  const levels = r.facts.get(year);
  if (!levels) return null;
  let n: number | null = null;
  for (const [level, f] of levels) if (level !== 'all' && f.n !== undefined) n = (n ?? 0) + f.n;
  return n ?? levels.get('all')?.n ?? null;
}

export function gatherBrief(db: Database.Database, q: BriefQuery): BriefData {
  const region = db.prepare('SELECT code, name, level FROM region WHERE code = ?').get(q.regionCode) as { code: string; name: string; level: string } | undefined;
  if (!region) throw new CodedError('bad_input', `地区 ${q.regionCode} 不存在 / region ${q.regionCode} does not exist`);
  const series = perStudentSeries(db, { regionCode: region.code, year: q.year, span: 5, scope: 'consolidated' });
  const year = series.lastYear;
  if (!series.expenditureDataset) throw new CodedError('not_found', `${region.name} 没有教育支出数据 / no education spending for ${region.code}`);
  const levels = levelFigures(series.rows, year);
  const trend = Array.from({ length: 5 }, (_, k) => year - 4 + k).map((y) => ({ y, f: levelFigures(series.rows, y).find((l) => l.level === 'all')! })).map(({ y, f }) => ({ year: y, spendingFen: f.spendingFen }));

  // 基准定额: the province's own imported standard where it has one (data), else the national figure
  // from the law store with its citation (the built-in funding_standard rows are its loaded copy).
  const province = region.code.slice(0, 2) + '0000';
  const provincial = loadStandards(db)
    .filter((s) => s.component === 'public_funds_base' && s.regionClass === province)
    .filter((s) => s.effectiveFrom <= `${year}-12-31` && (s.effectiveTo === null || s.effectiveTo > `${year}-01-01`));
  const quota = (level: 'primary' | 'junior'): BriefData['standards'] => {
    const own = provincial.find((s) => s.level === level);
    if (own) return [{ level, quotaFen: own.value, source: 'province', citation: null }];
    const law = quotaFromLaw(level, year);
    return law ? [{ level, quotaFen: law.value, source: 'law', citation: citationText(law) }] : [];
  };

  // The counties under the region (a county's brief checks the county itself).
  const govLevel = region.level === 'county' ? 'county' : 'county';
  const check = runCheck(db, { rules: ['edu-spending-no-decrease', 'per-student-no-decrease'], yearFrom: year, yearTo: year, govLevel, scope: 'consolidated', divisor: 'autumn', underRegion: region.code });
  const status = (code: string, rule: string) => check.results.find((r) => r.regionCode === code && r.rule === rule && r.level === null)?.status ?? 'na';
  const counties: CountyFigures[] = check.inputs.map((r) => ({
    code: r.code,
    name: r.name,
    spendingFen: totalSpending(r, year) ?? null,
    priorSpendingFen: totalSpending(r, year - 1) ?? null,
    students: students(r, year),
    priorStudents: students(r, year - 1),
    ruleA: status(r.code, 'edu-spending-no-decrease'),
    ruleB: status(r.code, 'per-student-no-decrease'),
  }));
  const failures = check.results
    .filter((r) => r.status === 'fail')
    .map((r) => ({ rule: r.rule as 'edu-spending-no-decrease' | 'per-student-no-decrease', code: r.regionCode, name: r.regionName, level: r.level, growth: r.growth, notes: r.annotations.map((a) => `${a.text}（${a.author}）`) }));

  let scenario: BriefData['scenario'] = null;
  const datasets = new Map<number, { id: number; name: string; sha256: string }>();
  for (const d of [series.expenditureDataset, series.enrolmentDataset]) if (d) datasets.set(d.id, { id: d.id, name: d.name, sha256: d.sha256 });
  for (const d of check.provenance.datasets) datasets.set(d.id, { id: d.id, name: d.name, sha256: d.sha256 });
  if (q.scenarioId !== undefined) {
    const stored = getScenario(db, q.scenarioId);
    const inputs = gatherSimInputs(db, { regionCode: stored.regionCode, year });
    for (const d of inputs.datasets) datasets.set(d.id, { id: d.id, name: d.name, sha256: d.sha256 });
    const p = prepare(inputs);
    const r = report(p, { name: stored.name, overlay: stored.overlay, scores: stored.scores });
    const tiers = [1, 2, 3, 4, 5]
      .map((t) => ({ tier: String(t), members: r.rows.filter((u) => u.tier === t) }))
      .filter((t) => t.members.length)
      .map((t) => ({ tier: t.tier, baselineFen: t.members.reduce((a, u) => a + u.baseline, 0), scenarioFen: t.members.reduce((a, u) => a + u.allocation, 0) }));
    scenario = {
      id: stored.id,
      name: stored.name,
      paramsHash: r.result.paramsHash,
      poolFen: r.result.allocation.pool,
      baselinePoolFen: r.result.baseline.pool,
      gaining: r.winners.gaining,
      losing: r.winners.losing,
      newFailures: r.result.counts.eduSpending.newlyFailing + r.result.counts.perStudent.newlyFailing,
      changes: r.changes.map((c) => ({ label: c.label.zh, from: c.from, to: c.to, unit: c.unit })),
      winners: r.winners.winners.slice(0, 5).map((u) => ({ code: u.code, name: u.name, deltaFen: u.delta })),
      losers: r.winners.losers.slice(0, 5).map((u) => ({ code: u.code, name: u.name, deltaFen: u.delta })),
      equity: r.equity ? { cvBefore: r.equity.before.cv, cvAfter: r.equity.after.cv, giniBefore: r.equity.before.gini, giniAfter: r.equity.after.gini, mclooneBefore: r.equity.before.mcloone, mclooneAfter: r.equity.after.mcloone } : null,
      tiers,
    };
  }
  const targets = gatherTargetsFigures(db, region.code, year);
  for (const d of targets.datasets) datasets.set(d.id, d);
  return {
    region: { code: region.code, name: region.name },
    year,
    targets,
    trend,
    levels,
    standards: [...quota('primary'), ...quota('junior')],
    counties,
    failures,
    scenario,
    datasets: [...datasets.values()].sort((a, b) => a.id - b.id),
    basis: check.provenance.basis,
    rulesVersion: RULES_VERSION,
    appVersion: q.appVersion,
    generatedAt: (q.now ?? new Date()).toISOString(),
  };
}
