import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { loadRegionList } from '../../db/data/region-list';
import { createRegionResolver, isTotalLabel, normaliseRegionText, type ResolverEntry, type ResolveResult } from './resolve';

const shipped = loadRegionList();
// Regions a user's database may add: the demo's fictional 示范省 (code 39 is unused), one of its
// counties named like a real district, and a retired code.
const database: ResolverEntry[] = [
  { code: '390000', name: '示范省', shortName: '示范', level: 'province', parentCode: null, validTo: null },
  { code: '390100', name: '安平市', shortName: '安平', level: 'prefecture', parentCode: '390000', validTo: null },
  { code: '390102', name: '朝阳区', shortName: '朝阳', level: 'county', parentCode: '390100', validTo: null },
  { code: '390121', name: '旧城县', shortName: '旧城', level: 'county', parentCode: '390100', validTo: '2019-01-01' },
];
const resolver = createRegionResolver([...shipped, ...database]);
const resolve = resolver.resolve;
const provinces = shipped.filter((r) => r.level === 'province');

const codeOf = (r: ResolveResult) => (r.ok ? r.code : `${r.reason}: ${r.candidates.map((c) => c.path).join(', ')}`);

describe('resolving province names', () => {
  it('resolves all 31 provinces from codes, full names, short names and the yearbook forms', () => {
    expect(provinces).toHaveLength(31);
    for (const p of provinces) {
      const chars = [...p.shortName];
      const forms = [
        p.code, `${p.code} `, p.code.slice(0, 2), `${p.code}000000`, p.name, p.shortName, ` ${p.name} `,
        ` ${chars.join('  ')}`, // " 北  京", " 内蒙古" stays whole in the yearbook but spacing it is harmless
        chars.join('\u3000'), // 天<U+3000>津, the full-width space
        [...p.name].join(' '), // 北 京 市
        `${p.shortName}\u00a0`,
      ];
      for (const f of forms) expect(codeOf(resolve(f)), JSON.stringify(f)).toBe(p.code);
    }
  });

  it('says how it matched', () => {
    expect(resolve('110000')).toEqual({ ok: true, code: '110000', name: '北京市', level: 'province', how: 'code' });
    expect(resolve('北京市')).toMatchObject({ ok: true, how: 'exact' });
    expect(resolve('北京')).toMatchObject({ ok: true, how: 'short' });
    expect(resolve('广西壮族')).toMatchObject({ ok: true, code: '450000', how: 'alias' });
  });

  it('accepts the yearbook / NBS variants and English names', () => {
    const cases: Record<string, string> = {
      内蒙古自治区: '150000', 内蒙古: '150000', 内蒙: '150000', 黑龙江省: '230000', 黑龙江: '230000',
      广西壮族自治区: '450000', 广西: '450000', 新疆维吾尔自治区: '650000', 新疆维吾尔族自治区: '650000', 新疆: '650000',
      宁夏回族自治区: '640000', 宁夏: '640000', 西藏自治区: '540000', 西藏: '540000',
      Beijing: '110000', 'Inner Mongolia': '150000', 'Nei Mongol': '150000', Tibet: '540000', Xizang: '540000',
      'Guangxi Zhuang Autonomous Region': '450000', 'Ningxia Hui Autonomous Region': '640000', 'Xinjiang Uygur Autonomous Region': '650000',
      Shanxi: '140000', Shaanxi: '610000', Anhui: '340000', 'Heilongjiang Province': '230000', 'Shanghai Municipality': '310000',
      '北京(Beijing)': '110000', '北京*': '110000', '北京①': '110000', '＃北京': '110000', '１１００００': '110000', '110000.0': '110000',
    };
    for (const [text, code] of Object.entries(cases)) expect(codeOf(resolve(text)), text).toBe(code);
  });

  it('prefers a province over a prefecture or county with the same short name', () => {
    expect(codeOf(resolve('吉林'))).toBe('220000'); // not 吉林市
    expect(codeOf(resolve('海南'))).toBe('460000'); // not 海南藏族自治州
    expect(codeOf(resolve('河南'))).toBe('410000'); // not 河南蒙古族自治县
    expect(codeOf(resolve('吉林市'))).toBe('220200');
    expect(codeOf(resolve('海南州'))).toBe('632500');
    expect(codeOf(resolve('河南', { parentCode: '632300' }))).toBe('632324');
  });
});

describe('prefectures and counties', () => {
  it('resolves prefectures with or without 市/地区/州/盟', () => {
    const cases: Record<string, string> = {
      石家庄市: '130100', 石家庄: '130100', 大兴安岭地区: '232700', 大兴安岭: '232700', 延边朝鲜族自治州: '222400', 延边: '222400',
      延边州: '222400', 恩施州: '422800', 黔东南州: '522600', 伊犁州: '654000', 锡林郭勒盟: '152500', 锡林郭勒: '152500',
      呼伦贝尔盟: '150700', 东莞: '441900',
    };
    for (const [text, code] of Object.entries(cases)) expect(codeOf(resolve(text)), text).toBe(code);
  });

  it('resolves counties, 省直辖县 and municipal districts', () => {
    const cases: Record<string, string> = {
      仙桃市: '429004', 仙桃: '429004', 神农架林区: '429021', 神农架: '429021', 济源: '419001', 东城区: '110101',
      城口县: '500229', 石柱土家族自治县: '500240', 石柱县: '500240', 石柱: '500240', 太仆寺旗: '152527', 六枝特区: '520203',
      '110101000000': '110101', '110101': '110101', '5002': '500200',
    };
    for (const [text, code] of Object.entries(cases)) expect(codeOf(resolve(text)), text).toBe(code);
  });

  it('reports a county name that repeats across China as ambiguous, with every candidate', () => {
    const r = resolve('朝阳区');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('ambiguous');
    expect(r.candidates.map((c) => c.code).sort()).toEqual(['110105', '220104', '390102']);
    expect(r.candidates.find((c) => c.code === '220104')).toEqual({ code: '220104', name: '朝阳区', path: '吉林省长春市朝阳区' });
    expect(r.candidates.find((c) => c.code === '110105')?.path).toBe('北京市朝阳区'); // no 市辖区 in the path
    const gulou = resolve('鼓楼区');
    expect(gulou.ok === false && gulou.reason === 'ambiguous' && gulou.candidates.length).toBe(4);
  });

  it('resolves such a name within a prefecture or province', () => {
    expect(resolve('朝阳区', { provinceCode: '220000' })).toMatchObject({ ok: true, code: '220104', how: 'within-parent' });
    expect(resolve('朝阳区', { provinceCode: '22' })).toMatchObject({ ok: true, code: '220104' });
    expect(resolve('朝阳区', { parentCode: '220100' })).toMatchObject({ ok: true, code: '220104', how: 'within-parent' });
    expect(resolve('朝阳区', { parentCode: '110000' })).toMatchObject({ ok: true, code: '110105', how: 'within-parent' });
    expect(resolve('朝阳区', { provinceCode: '390000' })).toMatchObject({ ok: true, code: '390102' });
    expect(codeOf(resolve('鼓楼区', { parentCode: '320300' }))).toBe('320302');
    // Still ambiguous inside 江苏 (南京 and 徐州 both have one).
    expect(resolve('鼓楼区', { provinceCode: '320000' })).toMatchObject({ ok: false, reason: 'ambiguous' });
    // 朝阳 is a prefecture, a county and several districts; the level settles it within 辽宁.
    expect(resolve('朝阳')).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(codeOf(resolve('朝阳', { provinceCode: '210000', level: 'prefecture' }))).toBe('211300');
    expect(codeOf(resolve('朝阳', { provinceCode: '210000', level: 'county' }))).toBe('211321');
    expect(codeOf(resolve('恩施', { level: 'county' }))).toBe('422801');
    // A context that matches nothing is ignored rather than hiding a unique name.
    expect(codeOf(resolve('东城区', { provinceCode: '220000' }))).toBe('110101');
    // A prefecture-level city in a county-level table (东莞, 中山 have no counties).
    expect(codeOf(resolve('东莞市', { level: 'county' }))).toBe('441900');
  });

  it('resolves every shipped name to itself within its parent, and never to another region without one', () => {
    const only = createRegionResolver(shipped);
    let ambiguous = 0;
    for (const e of shipped) {
      if (e.kind === 'municipal_pseudo') continue;
      expect(codeOf(only.resolve(e.name, { parentCode: e.parentCode ?? undefined })), e.name).toBe(e.code);
      const bare = only.resolve(e.name);
      if (bare.ok) expect(bare.code, e.name).toBe(e.code);
      else {
        ambiguous++;
        expect(bare.reason).toBe('ambiguous');
        expect(bare.candidates.map((c) => c.code), e.name).toContain(e.code);
      }
    }
    expect(ambiguous).toBeLessThan(100); // 朝阳区, 鼓楼区, 城区, 新华区 … (64 in the 2023 list)
  });

  it('reads "parent + name" forms', () => {
    expect(resolve('北京市朝阳区')).toMatchObject({ ok: true, code: '110105', how: 'within-parent' });
    expect(codeOf(resolve('吉林省长春市朝阳区'))).toBe('220104');
    expect(codeOf(resolve('长春市朝阳区'))).toBe('220104');
    expect(codeOf(resolve('江苏省 徐州市 鼓楼区'))).toBe('320302');
  });

  it('resolves retired codes by code only, and lets later entries replace earlier ones', () => {
    expect(codeOf(resolve('390121'))).toBe('390121');
    expect(resolve('旧城县')).toMatchObject({ ok: false, reason: 'unknown' });
    const renamed = createRegionResolver([...shipped, { code: '110101', name: '东城区（测试）', shortName: '东城测试', level: 'county', parentCode: '110100' }]);
    expect(renamed.resolve('110101')).toMatchObject({ ok: true, name: '东城区（测试）' });
    expect(renamed.get('110101')?.shortName).toBe('东城测试');
  });
});

describe('unknown names', () => {
  it('offers up to five near names for a typo', () => {
    const r = resolve('河比省');
    expect(r).toMatchObject({ ok: false, reason: 'unknown' });
    if (r.ok) return;
    expect(r.candidates.length).toBeLessThanOrEqual(5);
    expect(r.candidates.map((c) => c.name)).toContain('河北省');
    expect(r.candidates[0]?.name).toBe('河北省');
    const typo = resolve('黑龙红');
    expect(typo.ok === false && typo.candidates[0]?.code).toBe('230000');
  });

  it('offers near codes for a code that is not in the list', () => {
    const r = resolve('110199');
    expect(r).toMatchObject({ ok: false, reason: 'unknown' });
    expect(r.ok === false && r.candidates.every((c) => c.code.startsWith('1101'))).toBe(true);
    expect(resolve('980000')).toEqual({ ok: false, reason: 'unknown', candidates: [] });
    expect(resolve('')).toEqual({ ok: false, reason: 'unknown', candidates: [] });
    expect(resolve('   ')).toMatchObject({ ok: false, reason: 'unknown' });
  });

  it('does not resolve statistical-only units, nor the municipal pseudo-prefectures by name', () => {
    expect(resolve('苏州工业园区')).toMatchObject({ ok: false, reason: 'unknown' });
    expect(resolve('市辖区')).toMatchObject({ ok: false, reason: 'unknown' });
    expect(codeOf(resolve('110100'))).toBe('110100');
  });
});

describe('isTotalLabel', () => {
  it('recognises total rows', () => {
    for (const t of ['全国', '合计', '总计', '地方合计', '全省', '全市', '全区', ' 全  国', '总计(all regions)', '地方合计(all regions)', '地方合计（all regions）', 'Total of All Regions', 'Total', 'National Total', '全省合计', '河北省合计', '小计']) {
      expect(isTotalLabel(t), t).toBe(true);
    }
  });
  it('does not take regions for totals', () => {
    for (const t of ['北京', '北京市', '合肥市', '全椒县', '东城区', '', 'Beijing', '省本级', '110000']) expect(isTotalLabel(t), t).toBe(false);
    expect(resolver.isTotal('全国')).toBe(true);
  });
});

describe('normaliseRegionText', () => {
  it('removes spaces of every width and footnote marks', () => {
    expect(normaliseRegionText(' 北  京 ')).toBe('北京');
    expect(normaliseRegionText('天\u3000津')).toBe('天津');
    expect(normaliseRegionText('内蒙古*')).toBe('内蒙古');
    expect(normaliseRegionText('110000 ')).toBe('110000');
  });
});

// ---- the region names in the real data under /work/shared/data --------------------------------

const DATA = '/work/shared/data';
const hasData = existsSync(DATA);

/** Distinct values of one column of a plain CSV (no quoted commas in these files). */
function csvColumn(file: string, column: string): string[] {
  const lines = readFileSync(join(DATA, file), 'utf8').replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l !== '');
  const header = lines[0]!.split(',');
  const i = header.indexOf(column);
  if (i < 0) throw new Error(`${file}: no column ${column}`);
  return [...new Set(lines.slice(1).map((l) => l.split(',')[i]!))];
}

/** The region cells of an NBS "国家数据" export: rows between the 地区 header and the footnotes. */
function nbsExportRegions(file: string): string[] {
  const lines = readFileSync(join(DATA, file), 'utf8').replace(/^\ufeff/, '').split(/\r?\n/);
  const start = lines.findIndex((l) => normaliseRegionText(l.split(',')[0] ?? '') === '地区');
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    const cell = (l.split(',')[0] ?? '').trim();
    if (cell === '' || /^(注|数据来源)/.test(cell)) break;
    out.push(cell);
  }
  return out;
}

/** The first column of a yearbook sheet below its 地区 header, without notes. */
function yearbookRegions(file: string): string[] {
  const wb = XLSX.read(readFileSync(join(DATA, file)));
  const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, defval: '' });
  const first = rows.map((r) => String(r[0] ?? ''));
  const start = first.findIndex((c) => normaliseRegionText(c) === '地区');
  return first.slice(start + 1).filter((c) => c.trim() !== '' && !/^\s*(注|摘编|资料来源)/.test(c));
}

describe.skipIf(!hasData)('region names in /work/shared/data', () => {
  const checkProvinceNames = (names: readonly string[], expectTotal: readonly string[] = []) => {
    const totals: string[] = [];
    const resolved = new Set<string>();
    for (const n of names) {
      if (isTotalLabel(n)) {
        totals.push(n);
        continue;
      }
      const r = resolve(n);
      expect(r.ok && r.level === 'province' ? 'ok' : JSON.stringify(r), n).toBe('ok');
      if (r.ok) resolved.add(r.code);
    }
    expect(resolved.size).toBe(31);
    for (const t of expectTotal) expect(totals).toContain(t);
    return resolved;
  };

  it('csy_local_budget_expenditure_2010_2023: short names; 全国 and 地方合计(all regions) are totals', () => {
    const dir = 'csy_local_budget_expenditure_2010_2023';
    checkProvinceNames(csvColumn(`${dir}/local_gpb_expenditure_long_2010_2023.csv`, 'province'), ['全国']);
    checkProvinceNames(csvColumn(`${dir}/local_gpb_expenditure_wide_2010_2023.csv`, 'province'), ['全国']);
    checkProvinceNames(csvColumn(`${dir}/csy_table7-5_revenue_by_item_2019_long.csv`, 'province'), ['地方合计(all regions)']);
    checkProvinceNames(csvColumn(`${dir}/csy_table7-6_expenditure_by_function_2019_2023_long.csv`, 'province'), ['地方合计(all regions)']);
  });

  it('csy yearbook sheets: the spaced forms (" 北  京") and 地方合计', () => {
    const dir = 'csy_local_budget_expenditure_2010_2023/original_yearbook_tables';
    for (const file of ['csy_table7-6_general_public_budget_expenditure_by_region_2020.xls', 'csy_table7-6_general_public_budget_expenditure_by_region_2021.xls']) {
      checkProvinceNames(yearbookRegions(`${dir}/${file}`), ['地方合计']);
    }
  });

  it('nbs_exports_2006_2024: full names, in the tidy files and the raw exports', () => {
    const dir = 'nbs_exports_2006_2024';
    checkProvinceNames(csvColumn(`${dir}/nbs_province_indicators_long.csv`, 'province'));
    checkProvinceNames(csvColumn(`${dir}/nbs_province_wide_2006_2024.csv`, 'province'));
    expect(csvColumn(`${dir}/beijing_lgpb_expenditure_by_function_2016_2024_long.csv`, 'province').map((n) => codeOf(resolve(n)))).toEqual(['110000']);
    const raw = readdirSync(join(DATA, dir, 'original')).filter((f) => f.endsWith('.csv') && !f.includes('北京市') && f !== 'renjiyi163_地区生产总值_2006_2024.csv'); // that one is GBK; its .utf8 copy is read
    expect(raw.length).toBeGreaterThan(5);
    for (const f of raw) checkProvinceNames(nbsExportRegions(`${dir}/original/${f}`));
  });

  it('nbs_province_panel_2000_2019: full names agree with the GB/T 2260 codes beside them', () => {
    const dir = 'nbs_province_panel_2000_2019';
    const lines = readFileSync(join(DATA, dir, 'province_panel_2000_2019.csv'), 'utf8').split(/\r?\n/).slice(1).filter(Boolean);
    const pairs = new Set(lines.map((l) => l.split(',').slice(0, 2).join(',')));
    expect(pairs.size).toBe(31);
    for (const pair of pairs) {
      const [code, name] = pair.split(',') as [string, string];
      expect(codeOf(resolve(name)), name).toBe(code);
      expect(codeOf(resolve(code)), code).toBe(code);
    }
    checkProvinceNames(csvColumn(`${dir}/original/人口/总人口.csv`, '省份'));
  });
});
