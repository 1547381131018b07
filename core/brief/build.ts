// BriefData → Brief: the templates. Every number in a sentence is computed here from the figures the
// sentence describes, with the exact growth wording of wording.ts, so the text and the tables can
// never disagree and a fall is never called a rise. Chinese follows the 统计公告 style; English
// says the same. Legal figures and the rules' wording come from the law store with their citations
// (./law.ts), never from a literal here.
import { targetsSection } from './section-targets';
import { LEVELS, type LevelOrAll } from '../levels';
import { formatRatio } from '../money/decimal';
import type { BriefData, CountyFigures, LevelFigures } from './data';
import { ruleWording, rulesCitation, rulesName } from './law';
import { BRIEF_SECTIONS, type Brief, type BriefBlock, type BriefSection, type BriefTable } from './model';
import { amountText, growth, growthEn, growthZh, ratioGrowth, type Growth } from './wording';

type Lang = 'zh' | 'en';

const levelName = (l: LevelOrAll, lang: Lang) => (l === 'all' ? (lang === 'zh' ? '合计' : 'All levels') : (LEVELS.find((x) => x.code === l)?.[lang] ?? l));
const yi = (fen: number) => amountText(fen, '亿元');
/** English growth without the repeated "on the previous year", for lists after a full sentence. */
const shortEn = (x: Growth) => growthEn(x).replace(' on the previous year', '');
const perStudentYuan = (fen: number, students: number) => formatRatio(BigInt(fen), BigInt(students) * 100n, 2, true);
/** Signed growth percent for a table cell (number), null when there is no prior. */
const growthCell = (x: Growth) => (x.percent === null ? null : Number(x.percent) * (x.direction === 'down' ? -1 : 1));

function dateText(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (lang === 'zh') return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function spendingSection(d: BriefData, lang: Lang): BriefBlock[] {
  const all = d.levels.find((l) => l.level === 'all');
  const blocks: BriefBlock[] = [];
  if (!all || all.spendingFen === null) {
    blocks.push({ type: 'paragraph', text: lang === 'zh' ? `${d.year}年${d.region.name}无教育支出数据。` : `No education spending is recorded for ${d.region.name} in ${d.year}.` });
    return blocks;
  }
  const total = growth(all.priorSpendingFen, all.spendingFen);
  const parts = d.levels.filter((l) => l.level !== 'all' && l.spendingFen !== null);
  if (lang === 'zh') {
    const detail = parts.map((l) => `${levelName(l.level, lang)}${yi(l.spendingFen!)}亿元，${growthZh(growth(l.priorSpendingFen, l.spendingFen!))}`).join('；');
    blocks.push({ type: 'paragraph', text: `${d.year}年，${d.region.name}一般公共预算教育支出${yi(all.spendingFen)}亿元，${growthZh(total)}。${detail ? `分学段看，${detail}。` : ''}` });
  } else {
    const detail = parts.map((l) => `${levelName(l.level, lang).toLowerCase()} ${yi(l.spendingFen!)} (${shortEn(growth(l.priorSpendingFen, l.spendingFen!))})`).join('; ');
    blocks.push({ type: 'paragraph', text: `In ${d.year}, general-public-budget education spending in ${d.region.name} was ${yi(all.spendingFen)} hundred million yuan, ${growthEn(total)}.${detail ? ` By level: ${detail}.` : ''}` });
  }
  const bars = d.trend.filter((t) => t.spendingFen !== null).map((t, i, arr) => {
    const prior = i > 0 ? arr[i - 1]!.spendingFen : d.trend.find((x) => x.year === t.year - 1)?.spendingFen ?? null;
    const gr = growth(prior ?? null, t.spendingFen!);
    return { label: String(t.year), value: Number(yi(t.spendingFen!).replace(/,/g, '')), note: gr.percent === null ? '' : `${gr.direction === 'down' ? '−' : '+'}${gr.percent}%`, fall: gr.direction === 'down' };
  });
  if (bars.length > 1) blocks.push({ type: 'chart', chart: { title: lang === 'zh' ? '一般公共预算教育支出（亿元）' : 'Education spending (hundred million yuan)', bars, unit: lang === 'zh' ? '亿元' : '100m yuan' } });
  return blocks;
}

function perStudentRow(l: LevelFigures) {
  if (l.spendingFen === null || !l.students) return null;
  const x = ratioGrowth(l.priorSpendingFen, l.priorStudents, l.spendingFen, l.students);
  return { level: l.level, value: perStudentYuan(l.spendingFen, l.students), growth: x };
}

function perStudentSection(d: BriefData, lang: Lang): BriefBlock[] {
  const rows = d.levels.map((l) => ({ l, r: perStudentRow(l) })).filter((x) => x.r !== null);
  const all = rows.find((x) => x.l.level === 'all');
  const quota = (level: LevelOrAll) => d.standards.find((s) => s.level === level);
  const blocks: BriefBlock[] = [];
  if (all) {
    const levels = rows.filter((x) => x.l.level !== 'all');
    if (lang === 'zh') {
      const detail = levels.map(({ l, r }) => `${levelName(l.level, lang)}${r!.value}元，${growthZh(r!.growth)}${quota(l.level) ? `（生均公用经费基准定额${amountText(quota(l.level)!.quotaFen, '元').replace(/\.00$/, '')}元）` : ''}`).join('；');
      blocks.push({ type: 'paragraph', text: `按秋季在校生数计算，${d.year}年${d.region.name}生均一般公共预算教育支出${all.r!.value}元，${growthZh(all.r!.growth)}。${detail ? `其中，${detail}。` : ''}` });
    } else {
      const detail = levels.map(({ l, r }) => `${levelName(l.level, lang).toLowerCase()} ${r!.value} yuan (${shortEn(r!.growth)})`).join('; ');
      blocks.push({ type: 'paragraph', text: `Per autumn enrolment, education spending per student in ${d.region.name} was ${all.r!.value} yuan in ${d.year}, ${growthEn(all.r!.growth)}.${detail ? ` By level: ${detail}.` : ''}` });
    }
  }
  const table: BriefTable = {
    caption: lang === 'zh' ? `表1  ${d.year}年分学段生均一般公共预算教育支出` : `Table 1  Education spending per student by level, ${d.year}`,
    columns: [
      { header: lang === 'zh' ? '学段' : 'Level', kind: 'text' },
      { header: lang === 'zh' ? '教育支出（亿元）' : 'Spending (100m yuan)', kind: 'yi2' },
      { header: lang === 'zh' ? '在校生（人）' : 'Students', kind: 'integer' },
      { header: lang === 'zh' ? '生均（元）' : 'Per student (yuan)', kind: 'yuan2' },
      { header: lang === 'zh' ? '比上年增长（%）' : 'Growth (%)', kind: 'percent2' },
      { header: lang === 'zh' ? '基准定额（元）' : 'Base quota (yuan)', kind: 'yuan2' },
    ],
    rows: d.levels.map((l) => {
      const r = perStudentRow(l);
      return [levelName(l.level, lang), l.spendingFen === null ? null : l.spendingFen / 1e10, l.students, r ? Number(r.value.replace(/,/g, '')) : null, r ? growthCell(r.growth) : null, quota(l.level) ? quota(l.level)!.quotaFen / 100 : null];
    }),
    note: (lang === 'zh' ? '生均 = 教育支出 ÷ 秋季在校生数；增长率按未四舍五入的数值计算。' : 'Per student = spending ÷ autumn enrolment; growth computed from unrounded values.') + quotaSources(d, lang),
  };
  blocks.push({ type: 'table', table });
  return blocks;
}

/** Where the 基准定额 column comes from: the law's citation, or the province's own standard. */
function quotaSources(d: BriefData, lang: Lang): string {
  const cited = [...new Set(d.standards.map((s) => s.citation).filter((c): c is string => c !== null))];
  const provincial = d.standards.some((s) => s.source === 'province');
  const parts = [...cited, ...(provincial ? [lang === 'zh' ? '本省标准（导入的经费标准数据）' : 'the province’s own standard (imported funding-standard data)'] : [])];
  if (!parts.length) return '';
  return lang === 'zh' ? `基准定额依据：${parts.join('；')}。` : ` Base quota: ${parts.join('; ')}.`;
}

function complianceSection(d: BriefData, lang: Lang): BriefBlock[] {
  const n = d.counties.length;
  const failA = d.counties.filter((c) => c.ruleA === 'fail');
  const failB = d.counties.filter((c) => c.ruleB === 'fail');
  const names = (cs: CountyFigures[]) => cs.map((c) => c.name).join(lang === 'zh' ? '、' : ', ');
  const text =
    lang === 'zh'
      ? `按${rulesName(lang)}要求（${rulesCitation()}）检查，${d.region.name}所辖${n}个县（市、区）中，${d.year}年一般公共预算教育支出比上年下降的${failA.length ? `有${failA.length}个（${names(failA)}）` : '没有'}；生均一般公共预算教育支出比上年下降的${failB.length ? `有${failB.length}个（${names(failB)}）` : '没有'}。`
      : `Against ${rulesName(lang)} (${rulesCitation()}), of the ${n} counties of ${d.region.name}, ${failA.length ? `${failA.length} (${names(failA)})` : 'none'} had lower education spending in ${d.year} than the year before, and ${failB.length ? `${failB.length} (${names(failB)})` : 'none'} had lower spending per student.`;
  const byLevel = d.failures.filter((f) => f.level !== null).length;
  const extra = byLevel ? (lang === 'zh' ? `分学段看，另有${byLevel}项学段生均教育支出比上年下降（见表2）。` : ` By level, ${byLevel} more per-student falls are listed in Table 2.`) : '';
  const blocks: BriefBlock[] = [{ type: 'paragraph', text: text + extra }];
  if (d.failures.length) {
    blocks.push({
      type: 'table',
      table: {
        caption: lang === 'zh' ? `表2  ${d.year}年未达标情况及说明` : `Table 2  Failures in ${d.year} and their explanations`,
        columns: [
          { header: lang === 'zh' ? '规则' : 'Rule', kind: 'text' },
          { header: lang === 'zh' ? '地区' : 'Region', kind: 'text' },
          { header: lang === 'zh' ? '学段' : 'Level', kind: 'text' },
          { header: lang === 'zh' ? '比上年增长（%）' : 'Growth (%)', kind: 'percent2' },
          { header: lang === 'zh' ? '说明' : 'Explanation', kind: 'text' },
        ],
        rows: d.failures.map((f) => [ruleWording(f.rule, lang), `${f.name}（${f.code}）`, f.level === null ? levelName('all', lang) : levelName(f.level as LevelOrAll, lang), f.growth === null ? null : Number(f.growth), f.notes.join('；') || (lang === 'zh' ? '（无说明）' : '(none)')]),
        note: lang === 'zh' ? '未达标结果不因说明而改变，说明随结果一同列示。' : 'A failure stays a failure; explanations are listed with it.',
      },
    });
  }
  return blocks;
}

function scenarioSection(d: BriefData, lang: Lang): BriefBlock[] {
  const s = d.scenario;
  if (!s) return [{ type: 'paragraph', text: lang === 'zh' ? '未选择转移支付方案。' : 'No transfer scenario was selected.' }];
  const pool = yi(s.poolFen);
  const eq = s.equity;
  const cvText = (a: number, b: number) => `${a.toFixed(4)}${lang === 'zh' ? (b < a ? '降至' : b > a ? '升至' : '保持') : b < a ? ' falls to ' : b > a ? ' rises to ' : ' stays at '}${b.toFixed(4)}`;
  const text =
    lang === 'zh'
      ? `方案“${s.name}”将转移支付资金${pool}亿元按因素法分配${s.changes.length ? `（与现行办法相比调整了${s.changes.map((c) => c.label).join('、')}）` : '（与现行办法相同）'}。与现行办法相比，${s.gaining}个县增加、${s.losing}个县减少；${s.newFailures > 0 ? `此方案将使${s.newFailures}个县新增“只增不减”不达标` : '此方案不会使任何县新增“只增不减”不达标'}。${eq ? `生均教育支出的差异系数由${cvText(eq.cvBefore, eq.cvAfter)}，基尼系数由${cvText(eq.giniBefore, eq.giniAfter)}。` : ''}`
      : `Scenario “${s.name}” splits a pool of ${pool} hundred million yuan by factors${s.changes.length ? ` (changing ${s.changes.map((c) => c.label).join(', ')})` : ' (as the current rule)'}. Against the current rule, ${s.gaining} counties gain and ${s.losing} lose; ${s.newFailures > 0 ? `it would make ${s.newFailures} counties fail a never-decrease rule` : 'it makes no county fail a never-decrease rule'}.${eq ? ` The coefficient of variation of spending per student ${cvText(eq.cvBefore, eq.cvAfter)}, the Gini${cvText(eq.giniBefore, eq.giniAfter)}.` : ''}`;
  const blocks: BriefBlock[] = [{ type: 'paragraph', text }];
  blocks.push({
    type: 'table',
    table: {
      caption: lang === 'zh' ? '表3  方案分配结果（按发展档次）' : 'Table 3  Allocation by development tier',
      columns: [
        { header: lang === 'zh' ? '档次' : 'Tier', kind: 'text' },
        { header: lang === 'zh' ? '现行办法（万元）' : 'Current rule (10k yuan)', kind: 'wan2' },
        { header: lang === 'zh' ? '方案（万元）' : 'Scenario (10k yuan)', kind: 'wan2' },
        { header: lang === 'zh' ? '增减（万元）' : 'Change (10k yuan)', kind: 'wan2' },
      ],
      rows: s.tiers.map((t) => [lang === 'zh' ? `第${t.tier}档` : `Tier ${t.tier}`, t.baselineFen / 1e6, t.scenarioFen / 1e6, (t.scenarioFen - t.baselineFen) / 1e6]),
      note: lang === 'zh' ? `参数哈希 ${s.paramsHash.slice(0, 16)}` : `Parameter hash ${s.paramsHash.slice(0, 16)}`,
    },
  });
  const list = (rows: ScenarioRows) => rows.map((w) => `${w.name}（${amountText(w.deltaFen, '万元')}万元）`).join('、');
  type ScenarioRows = typeof s.winners;
  if (s.winners.length || s.losers.length)
    blocks.push({ type: 'paragraph', text: lang === 'zh' ? `增加最多的县：${list(s.winners) || '无'}；减少最多的县：${list(s.losers) || '无'}。` : `Largest gains: ${s.winners.map((w) => `${w.name} (${amountText(w.deltaFen, '万元')})`).join(', ') || 'none'}; largest losses: ${s.losers.map((w) => `${w.name} (${amountText(w.deltaFen, '万元')})`).join(', ') || 'none'} (10k yuan).` });
  return blocks;
}

function appendixSection(d: BriefData, lang: Lang): BriefBlock[] {
  const status = (s: 'pass' | 'fail' | 'na') => (lang === 'zh' ? { pass: '达标', fail: '未达标', na: '—' }[s] : s);
  return [
    {
      type: 'table',
      table: {
        caption: lang === 'zh' ? `附表  ${d.year}年各县教育支出与生均情况` : `Appendix  Spending and spending per student by county, ${d.year}`,
        columns: [
          { header: lang === 'zh' ? '代码' : 'Code', kind: 'text' },
          { header: lang === 'zh' ? '县（市、区）' : 'County', kind: 'text' },
          { header: lang === 'zh' ? '教育支出（万元）' : 'Spending (10k yuan)', kind: 'wan2' },
          { header: lang === 'zh' ? '增长（%）' : 'Growth (%)', kind: 'percent2' },
          { header: lang === 'zh' ? '在校生（人）' : 'Students', kind: 'integer' },
          { header: lang === 'zh' ? '生均（元）' : 'Per student (yuan)', kind: 'yuan2' },
          { header: lang === 'zh' ? '生均增长（%）' : 'Per-student growth (%)', kind: 'percent2' },
          { header: lang === 'zh' ? '支出不减' : 'Spending kept', kind: 'text' },
          { header: lang === 'zh' ? '生均不减' : 'Per student kept', kind: 'text' },
        ],
        rows: d.counties.map((c) => {
          const sg = c.spendingFen === null ? null : growth(c.priorSpendingFen, c.spendingFen);
          const ps = c.spendingFen !== null && c.students ? ratioGrowth(c.priorSpendingFen, c.priorStudents, c.spendingFen, c.students) : null;
          return [c.code, c.name, c.spendingFen === null ? null : c.spendingFen / 1e6, sg ? growthCell(sg) : null, c.students, c.spendingFen !== null && c.students ? Number(perStudentYuan(c.spendingFen, c.students).replace(/,/g, '')) : null, ps ? growthCell(ps) : null, status(c.ruleA), status(c.ruleB)];
        }),
        note: null,
      },
    },
  ];
}

const HEADINGS: Record<BriefSection, Record<Lang, string>> = {
  spending: { zh: '一、教育经费投入', en: '1. Education spending' },
  per_student: { zh: '二、生均教育经费', en: '2. Spending per student' },
  compliance: { zh: `三、${rulesName('zh')}落实情况`, en: '3. The never-decrease rules' },
  scenario: { zh: '四、转移支付方案测算', en: '4. Transfer scenario' },
  targets: { zh: '五、规划目标与优质均衡', en: '5. Plan targets and 优质均衡' },
  appendix: { zh: '附表', en: 'Appendix' },
};

export function buildBrief(d: BriefData, sections: readonly BriefSection[], lang: Lang): Brief {
  const chosen = BRIEF_SECTIONS.filter((s) => sections.includes(s));
  const build: Record<BriefSection, (d: BriefData, lang: Lang) => BriefBlock[]> = { spending: spendingSection, per_student: perStudentSection, compliance: complianceSection, scenario: scenarioSection, targets: (x, l) => targetsSection(x.targets, l), appendix: appendixSection };
  const short = d.datasets.map((x) => `#${x.id} ${x.sha256.slice(0, 8)}`).join(' ');
  const named = d.datasets.map((x) => `#${x.id} ${x.name} ${x.sha256.slice(0, 8)}`).join('；');
  const scenario = d.scenario ? `${lang === 'zh' ? '方案' : 'scenario'} #${d.scenario.id} ${d.scenario.paramsHash.slice(0, 8)}` : '';
  return {
    lang,
    title: lang === 'zh' ? `${d.region.name}${d.year}年教育经费情况简报` : `${d.region.name}: education finance brief, ${d.year}`,
    subtitle: lang === 'zh' ? '教育财政工作台 生成' : 'Generated by the Education Finance Workbench',
    date: dateText(d.generatedAt, lang),
    sections: chosen.map((id) => ({ id, heading: HEADINGS[id][lang], blocks: build[id](d, lang) })),
    provenance: [
      ...(lang === 'zh' ? ['数据来源：'] : ['Sources:']),
      ...d.datasets.map((x) => `#${x.id} ${x.name} sha256 ${x.sha256}`),
      ...(d.basis ? [`${d.basis.line}（${lang === 'zh' ? '哈希' : 'hash'} ${d.basis.hash}）`] : []),
      ...(d.scenario ? [`${lang === 'zh' ? '方案' : 'Scenario'} #${d.scenario.id} “${d.scenario.name}” ${lang === 'zh' ? '参数哈希' : 'parameters'} ${d.scenario.paramsHash}`] : []),
      `${lang === 'zh' ? '规则版本' : 'Rules'} ${d.rulesVersion} · ${lang === 'zh' ? '程序版本' : 'App'} ${d.appVersion} · ${lang === 'zh' ? '生成时间' : 'Generated'} ${d.generatedAt}`,
    ],
    // Short items first, so the hashes of the rules and the scenario lead every footer.
    footer: [`${lang === 'zh' ? '规则' : 'rules'} ${d.rulesVersion}`, `v${d.appVersion}`, d.generatedAt.slice(0, 19).replace('T', ' '), scenario, named].filter(Boolean).join(' · '),
    footerShort: [`${lang === 'zh' ? '规则' : 'rules'} ${d.rulesVersion}`, `v${d.appVersion}`, d.generatedAt.slice(0, 19).replace('T', ' '), scenario, short].filter(Boolean).join(' · '),
  };
}

