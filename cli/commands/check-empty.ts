// Which requested rules evaluated nothing — every row N/A, or no row at all — and the message that
// names what each one is missing. A check that compared nothing must never read as a clean pass:
// a rule asked for by --rule that evaluated nothing exits 2; with every rule (no --rule) the run
// exits 2 only when no rule evaluated anything, and otherwise names the idle rules on stderr.
import { RULES } from '../../core/compliance/registry';
import type { ComplianceResult, RuleId } from '../../core/compliance/types';

export type RuleTally = { evaluated: number; na: number; reasons: Map<string, number> };

export function tallyRules(rules: readonly RuleId[]): Map<RuleId, RuleTally> {
  return new Map(rules.map((r) => [r, { evaluated: 0, na: 0, reasons: new Map() }]));
}

export function addSummary(tally: Map<RuleId, RuleTally>, rule: RuleId, pass: number, fail: number, na: number): void {
  let t = tally.get(rule);
  if (!t) tally.set(rule, (t = { evaluated: 0, na: 0, reasons: new Map() }));
  t.evaluated += pass + fail;
  t.na += na;
}

export function addReason(tally: Map<RuleId, RuleTally>, r: ComplianceResult): void {
  if (r.status !== 'na') return;
  const t = tally.get(r.rule);
  const reason = r.reason ?? '无说明 / no reason given';
  if (t) t.reasons.set(reason, (t.reasons.get(reason) ?? 0) + 1);
}

/** The lines naming each idle rule: what it needs, and why its rows were N/A (most frequent first). */
export function idleRuleLines(tally: Map<RuleId, RuleTally>): string[] {
  const lines: string[] = [];
  for (const [id, t] of tally) {
    if (t.evaluated > 0) continue;
    const def = RULES.find((r) => r.id === id)!;
    const head = t.na === 0 ? `规则 ${id}（${def.nameZh}）没有可评估的输入 / rule ${id} has no input to evaluate` : `规则 ${id}（${def.nameZh}）${t.na} 项全部不适用，未评估任何一项 / rule ${id}: all ${t.na} rows N/A, nothing evaluated`;
    lines.push(`${head}: 需要 / needs ${def.requiredInputs.join('；')}`);
    const reasons = [...t.reasons].sort((a, b) => b[1] - a[1]).slice(0, 5);
    for (const [reason, n] of reasons) lines.push(`    缺少 / missing (${n}): ${reason}`);
  }
  return lines;
}
