// wb bulletin read FILE — a 教育经费执行情况统计公告 as published (.txt, .docx, .pdf with a text
// layer): every stated figure with its sentence, the checks of the text against itself, the
// never-decrease and three-growths rules on what it states; --import stores it as a bulletin dataset
// (all or nothing) and runs the compliance engine on that dataset. Exit 1 when a check finds a defect
// or a rule fails, 2 on unreadable input.
import { existsSync } from 'node:fs';
import { INDICATORS } from '../../core/bulletin/indicators';
import { readBulletin, type BulletinReading } from '../../core/bulletin/read';
import type { GovLevel } from '../../core/compliance/types';
import { LEVELS } from '../../core/levels';
import { formatRatio, parseDecimal } from '../../core/money/decimal';
import { importBulletin } from '../../db/bulletin/import';
import { BulletinReadError, readBulletinFile } from '../../db/bulletin/source';
import { runCheck } from '../../db/compliance/check';
import { createRegionDirectory } from '../../db/import/region-directory';
import { oneOf, optionalInt, parse } from '../args';
import { openForCli } from '../database';
import { EXIT, UsageError, type CliIO } from '../io';
import { renderJson, renderTable } from '../output';

export const bulletinHelp = `wb bulletin read FILE [--region CODE] [--year Y] [--format table|json] [--import] [--dataset NAME]
  Read a statistical bulletin's text (.txt, .docx, .pdf with a text layer; PDF needs pdftotext from
  poppler-utils): every figure with its sentence, the checks of the text against itself (rates
  recomputed at the printed precision, direction words, units, shares and percentage points, repeated
  statements, indicator names) and the never-decrease and three-growths rules on what it states.
  --import stores it as a bulletin dataset (all or nothing) and runs the compliance engine on it.
  Exit 1 when a check finds a defect or a rule fails, 2 on unreadable input.`;

const levelZh = (l: string): string => (l === 'all' ? '合计' : (LEVELS.find((x) => x.code === l)?.zh ?? l));
/** An engine value (分, or 分 per student, as exact decimal text) in 元 with 2 decimals. */
const yuan = (text: string | null): string => {
  const p = text === null ? null : parseDecimal(text);
  return p && p.ok ? formatRatio(p.value, 100n * 10n ** BigInt(p.scale), 2) : '—';
};
const govLevelOf = (code: string): GovLevel => (code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'prefecture' : 'county');

function tables(r: BulletinReading, file: string): string {
  const out: string[] = [];
  out.push(`公告 / bulletin: ${r.title ?? '(无标题)'} · 文件 ${file}`);
  out.push(`地区 ${r.region ?? '未识别'} · 年度 ${r.year ?? '未写明'}${r.yearFrom === 'sentence' ? '（取自正文）' : r.yearFrom === 'title' ? '（取自标题）' : ''} · ${r.figures.length} 个数值`);
  out.push(
    renderTable(
      ['#', '句', '项目', '指标', '学段', '年度', '本年', '上年', '单位', '增减', '幅度', '口径'],
      r.figures.map((f) => [f.id + 1, f.sentence + 1, f.subject, f.indicator ? INDICATORS[f.indicator].zh : '未识别', levelZh(f.level) + (f.rural ? '(农村)' : ''), f.year ?? '未写明', f.current, f.prior, f.unit === f.priorUnit || f.priorUnit === null ? f.unit : `${f.unit}/上年${f.priorUnit}`, f.direction, f.rate === null ? null : `${f.rate}${f.rateUnit}`, f.basis === 'comparable' ? '同口径' : (f.basisWords ?? null)]),
      [true, true, false, false, false, true, true, true, false, false, true, false],
    ).trimEnd(),
  );
  const defects = r.findings.filter((x) => x.severity === 'defect');
  out.push(`\n文本自身核对 / checks of the text: ${defects.length} 处问题，${r.findings.length - defects.length} 条说明`);
  for (const x of r.findings) out.push(`  [${x.severity === 'defect' ? '问题' : '说明'}] 第 ${x.sentence + 1} 句「${r.sentences[x.sentence]!.text}」\n      ${x.message}`);
  const fails = r.law.filter((l) => l.status === 'fail');
  out.push(`\n只增不减与三个增长 / the rules on what it states: ${fails.length} 项下降或未达标，${r.law.filter((l) => l.status === 'pass').length} 项达标，${r.law.filter((l) => l.status === 'na').length} 项无法判断`);
  for (const l of r.law) if (l.status !== 'pass') out.push(`  [${l.status === 'fail' ? '未达标' : '无法判断'}] ${l.rule} ${l.subject}${l.level !== 'all' ? `（${levelZh(l.level)}）` : ''}：${l.message}`);
  if (r.falls.length) out.push(`\n公告自列负增长地区 ${r.falls.length} 个：${r.falls.map((x) => `${x.subRegion}(${x.rate}%)`).join('、')}；文中所称个数：${r.counts.map((c) => `${c.count}个${c.group}`).join('、') || '无'}`);
  return out.join('\n') + '\n';
}

export async function bulletinCommand(argv: string[], io: CliIO, dbOption: string | undefined): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'read') throw new UsageError(`wb bulletin: expected "read FILE", got "${sub ?? ''}"`);
  const { values, positionals } = parse(rest, { region: { type: 'string' }, year: { type: 'string' }, format: { type: 'string' }, import: { type: 'boolean' }, dataset: { type: 'string' } }, true);
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('give exactly one FILE to read');
  if (!existsSync(file)) throw new UsageError(`file not found: ${file}`);
  const format = oneOf(values, 'format', ['table', 'json'] as const, 'table');
  const year = optionalInt(values, 'year', 1949, 2100);
  const region = values.region as string | undefined;
  if (region !== undefined && !/^[1-9]\d{5}$/.test(region)) throw new UsageError(`--region 应为六位行政区划代码，得到 "${region}" / --region must be a six-digit code`);

  let source;
  try {
    source = await readBulletinFile(file);
  } catch (e) {
    if (e instanceof BulletinReadError) throw new UsageError(e.message);
    throw e;
  }
  const reading = readBulletin(source.text, { year: year ?? null });
  if (reading.figures.length === 0) throw new UsageError(`${source.name}：没有读到任何带单位的数值（如“9014.32元”“比上年增长1.64%”），不像是教育经费统计公告 / no figures found`);

  let imported: Record<string, unknown> | null = null;
  let engineFails = 0;
  const lines: string[] = [];
  if (values.import === true) {
    const { db } = openForCli(dbOption, io);
    try {
      const regions = createRegionDirectory(db);
      let code = region;
      if (!code) {
        const resolved = reading.region ? regions.lookup.resolve(reading.region) : null;
        if (!resolved || !resolved.ok) throw new UsageError(`无法从标题确定地区${reading.region ? `「${reading.region}」` : ''}${resolved && !resolved.ok && resolved.candidates.length ? `（可能是：${resolved.candidates.slice(0, 5).map((c) => `${c.name} ${c.code}`).join('、')}）` : ''}；请用 --region CODE 指定 / give --region CODE`);
        code = resolved.code;
      }
      const outcome = importBulletin(db, reading, source, code, { regions, ...(typeof values.dataset === 'string' ? { datasetName: values.dataset } : {}) });
      if (outcome.status === 'refused') {
        for (const p of outcome.problems) io.err(`${p}\n`);
        io.err('未导入，数据库未改动 / not imported; the database is unchanged\n');
        return EXIT.badInput;
      }
      const run = runCheck(db, { rules: ['edu-spending-no-decrease', 'per-student-no-decrease'], govLevel: govLevelOf(code), scope: 'consolidated', datasetIds: [outcome.datasetId], divisor: 'autumn', codes: [code] });
      const engine = run.results.filter((x) => x.status !== 'na');
      engineFails = engine.filter((x) => x.status === 'fail').length;
      imported = { status: outcome.status, dataset_id: outcome.datasetId, dataset_name: outcome.datasetName, region_code: code, sha256: source.sha256, facts: outcome.facts.length, kept_with_reading: outcome.kept, engine: engine.map((x) => ({ rule: x.rule, year: x.year, level: x.level, status: x.status, value: x.value, prior_value: x.priorValue, growth: x.growth, restated_base: x.flags.restatedBase })) };
      lines.push(`\n${outcome.status === 'imported' ? '已导入' : '未改动'} / ${outcome.status}: 数据集 #${outcome.datasetId}「${outcome.datasetName}」，地区 ${code}，${outcome.facts.length} 条公告事实，SHA-256 ${source.sha256.slice(0, 16)}…`);
      for (const n of outcome.notes) lines.push(`说明 / note: ${n}`);
      lines.push(`规则引擎（数据集 #${outcome.datasetId}）/ the compliance engine on the dataset: ${engine.length} 项可判断，${engineFails} 项未达标`);
      for (const x of engine.filter((e) => e.status === 'fail')) lines.push(`  [未达标] ${x.rule} ${x.year} ${levelZh(x.level ?? 'all')} 本年 ${yuan(x.value)}元 上年 ${yuan(x.priorValue)}元 增长 ${x.growth}%${x.flags.restatedBase ? '（同口径基数）' : ''}`);
      lines.push(`${outcome.datasetId}`);
    } finally {
      db.close();
    }
  }

  const defects = reading.findings.filter((x) => x.severity === 'defect').length;
  const fails = reading.law.filter((l) => l.status === 'fail').length + engineFails;
  if (format === 'json') {
    io.out(
      renderJson({
        file: { name: source.name, format: source.format, sha256: source.sha256, encoding: source.encoding },
        title: reading.title,
        region: reading.region,
        year: reading.year,
        year_from: reading.yearFrom,
        figures: reading.figures.map((f) => ({ ...f, sentence_text: reading.sentences[f.sentence]!.text })),
        listed_falls: reading.falls,
        stated_counts: reading.counts,
        findings: reading.findings.map((x) => ({ ...x, sentence_text: reading.sentences[x.sentence]!.text })),
        law: reading.law,
        import: imported,
      }),
    );
  } else io.out(tables(reading, source.name) + (lines.length ? lines.join('\n') + '\n' : ''));
  return defects > 0 || fails > 0 ? EXIT.failures : EXIT.ok;
}
