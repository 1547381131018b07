// What reading each bulletin must find, written down from its PROVENANCE.md. `defects`: exactly the
// publisher's defects the file lists (a finding with severity "defect" that is not here is a false
// alarm; one missing here is a miss). Each entry names its sentence by words it contains. Items a
// PROVENANCE.md lists that are not defects of the text — real falls (found by the rules instead,
// `falls`), features (同口径 wording, reversed order), remarks the file itself says are "printed so"
// or "not proof of error" — are quoted beside the entry they explain, so every bullet is accounted for.
import type { FindingCode } from '../../core/bulletin/checks';
import type { FOLDERS } from './rebuild';

export type Expected = {
  defects: { code: FindingCode; sentence: string }[];
  /** Notes that must be given (not defects): rates reproduced only within rounding, units without 元. */
  notes?: { code: FindingCode; sentence: string }[];
  /** Every fall the rules must list: indicator, level and sub-region when named. */
  falls: string[];
};

export const EXPECTED: Record<(typeof FOLDERS)[number], Expected> = {
  guangdong_province_2016: {
    // "Growth rates of the totals and of 小学 / 初中 agree with the printed values to 0.01 point."
    // "The province grew … while 2 cities … and 12 counties/districts fell — the text's count "12个县(区)" matches the 12 names."
    defects: [],
    falls: [
      ...['佛山市', '惠州市', '增城区', '吴川市', '鼎湖区', '高要区', '广宁县', '德庆县', '惠东县', '龙门县', '梅江区', '江城区', '阳西县', '揭西县'].map((r) => `gpb_edu_funds all ${r}`),
      ...['江城区', '阳西县', '榕城区'].map((r) => `per_student_operating primary ${r}`),
      ...['江城区', '阳西县'].map((r) => `per_student_operating junior ${r}`),
    ],
  },
  guangdong_province_2022: {
    // "**Inconsistent number formatting inside one list**: 10,228.76 / 14,942.65 / 21,955.12 carry a thousands separator, 25436.49 does not."
    // "Real provincial falls: 普通初中 −0.84 %, 普通高中 −6.92 %" — falls, not defects.
    // "The copy breaks the line between "4571.28亿" and "元"." — the copy's layout, not in 原文.
    defects: [{ code: 'number_format', sentence: '25436.49元' }],
    falls: ['per_student junior', 'per_student senior'],
  },
  hubei_province_2023: {
    // "**Heading and text disagree on the indicator**: section 二(二) is headed 各级教育**生均一般公共预算教育经费**增长情况,
    //  but its lead-in says the figures are **生均一般公共预算教育事业费支出**."
    defects: [{ code: 'indicator_conflict', sentence: '生均一般公共预算教育事业费支出情况是' }],
    falls: [],
  },
  hulunbuir_city_inner_mongolia_2020: {
    // "**Non-standard 口径**: the 公共财政教育经费 here includes 地方教育附加 and 从土地出让收益中提取的教育资金"
    // "**"三个增长" not met, and the bulletin says so**" — a rule failure (falls), not a defect of the text: 5.28 − 2.59 = 2.69 agrees.
    // "国家财政性教育经费 72.72 vs 68.91 gives 5.53 %, printed 5.52 % — within rounding … so not proof of error." — a note.
    defects: [{ code: 'nonstandard_scope', sentence: '地方教育附加' }],
    notes: [{ code: 'rate_within_rounding', sentence: '72.72亿元' }],
    falls: ['per_student_operating higher', 'three-growths gpb_edu_funds all'],
  },
  leshan_city_sichuan_2016: {
    // "All growth rates agree with the printed values to 0.01 point; 381552 / 2570351 = 14.84 % agrees."
    // "Real falls worth testing: 公共财政教育支出 fell 0.69 %…; 普通小学 生均事业费 fell 8.09 % and 中职 0.12 %"
    // "普通高中 growth is printed "37%" with no decimals." — 36.997 % rounds to 37 at that precision.
    defects: [],
    falls: ['gpb_edu_funds all', 'per_student_operating primary', 'per_student_operating sec_voc'],
  },
  liandu_district_lishui_zhejiang_2022: {
    // "**Growth that does not match the values**: row 3, 事业收入 33844.74 vs 34583.04 万元 … is printed as 下降1.73 %; the printed figures give −2.13 %."
    // "Real fall: 幼儿园 生均 −22.29 %"
    defects: [{ code: 'rate_mismatch', sentence: '(二)事业收入' }],
    falls: ['per_student preschool'],
  },
  luohe_demo_zone_henan_2017: {
    // "Per-student figures are printed in whole yuan, so growth rates cannot be reproduced exactly: … All three lie inside the range
    //  allowed by rounding to whole yuan, so they are not proof of error" — notes, said so, not defects.
    // "教育经费总投入: 5024 vs 4883 万元 … gives 2.888 %; printed 2.88 % (truncated rather than rounded)." — within whole-万元 rounding: a note.
    // "Printing: 国家财政性教育经费 is written "4453万比去年4432万" (unit 万 without 元…)" — a note.
    defects: [],
    notes: [
      { code: 'rate_within_rounding', sentence: '5024万元' },
      { code: 'rate_within_rounding', sentence: '6497元' },
      { code: 'rate_within_rounding', sentence: '8477元' },
      { code: 'rate_within_rounding', sentence: '1037元' },
      { code: 'unit_incomplete', sentence: '4453万' },
    ],
    falls: [],
  },
  pingyuan_demo_zone_xinxiang_henan_2021: {
    // "1. **Indicator mislabelled**: section 1 is headed 生均一般公共预算教育**公用**经费 … but its values … are larger than the 生均教育事业费 in section 2"
    // "2. **Typo in a heading**: section 2 reads 生均一般**公用**预算教育事业费"
    // "3. **Wrong year in a lead-in**: section 3's lead-in says "2020年全区…" although the bulletin is for 2021"
    // "4. **Negative growth written as growth**: "增加-38.09%", "增长-31.36%", "增长-16.81%", "增长-62.69%""
    // "5. **Unusual ratio** … printed so." — not a defect. "6. … not proof of an error" — a note. "7. The attachment is titled 全市" — not in the text.
    defects: [
      { code: 'indicator_mislabel', sentence: '1.各级生均一般公共预算教育公用经费增长情况' },
      { code: 'heading_typo', sentence: '2.各级教育生均一般公用预算教育事业费支出增长情况' },
      { code: 'lead_in_year', sentence: '2020年全区普通小学' },
      { code: 'direction_sign', sentence: '增加-38.09%' },
      { code: 'direction_sign', sentence: '增长-31.36%' },
      { code: 'direction_sign', sentence: '增长-16.81%' },
      { code: 'direction_sign', sentence: '增长-62.69%' },
    ],
    notes: [{ code: 'rate_within_rounding', sentence: '3.94亿元' }, { code: 'unit_incomplete', sentence: '3.92亿' }],
    falls: ['per_student_public_funds senior', 'per_student_operating senior', 'per_student_public_funds primary', 'per_student_public_funds senior'],
  },
  qingtian_county_zhejiang_2022: {
    // "All growth rates agree with the printed values to 0.01 point" — no defect. "Mixed verbs for the same direction" — not a defect.
    defects: [],
    falls: [],
  },
  shaoxing_city_zhejiang_2023: {
    // "**Ambiguous unit for a share change**: "…比例为19.84%,比去年增长0.51%""
    // "**Falls with reasons**: 普通高等学校 −27.37 % and 中等职业学校 −2.9 %" — falls, with the printed reason, not defects.
    defects: [{ code: 'share_change_unit', sentence: '比去年增长0.51%' }],
    falls: ['per_student higher', 'per_student sec_voc'],
  },
  sichuan_province_2019: {
    // "All growth rates agree with the printed 本年 / 上年 to 0.01 point." "**同口径**: only the 省级财政教育经费 growth … is stated on a 同口径 basis" — a feature.
    defects: [],
    falls: [],
  },
  suizhou_city_hubei_2022: {
    // "Every growth rate was recomputed …: all agree to 0.01 point. The share 284597 / 1814597 = 15.68 % agrees; 18.92 − 15.68 = 3.24 points agrees."
    // "Real falls (not errors): 普通小学 −1.64 %, 普通初中 −0.84 %"
    defects: [],
    falls: ['per_student primary', 'per_student junior'],
  },
  xinyang_city_henan_2020: {
    // "**Growth that does not match the values**: row 1, 全市地方教育经费总投入 167.65 亿元 vs 154.97 亿元 is printed as 增长8.25 %; the printed figures give 8.18 %"
    defects: [{ code: 'rate_mismatch', sentence: '167.65亿元' }],
    falls: [],
  },
  yantai_city_shandong_2022: {
    // "**Duplicated statement**: "2022年,我市一般公共预算教育经费143.28亿元" opens two consecutive sentences"
    // "**Order reversed**: the per-student sentences give the previous year first" — a form the reader handles, not a defect.
    defects: [{ code: 'duplicate_statement', sentence: '比上年134.57亿元' }],
    falls: [],
  },
  yichuan_county_luoyang_henan_2021: {
    // "**Wrong unit**: 国家财政性教育经费 "比上年的131870.68元" — the previous-year amount is printed in 元"
    // "**同口径 wording on every per-student rate**" — the basis, read as such. "Large real falls: 一般公共预算教育经费 −33.69 %, 幼儿园 −30.57 %, 普通初中 −46 %"
    defects: [{ code: 'unit_mismatch', sentence: '131870.68元' }],
    falls: ['gpb_edu_funds all', 'per_student preschool', 'per_student junior'],
  },
  zhanyi_district_qujing_yunnan_2016: {
    // "**Wrong unit for the gap**: "公共财政教育支出增长高于财政经常性收入13.04%" — … a difference of two rates, i.e. 个百分点, printed as %."
    // "**Year missing**: no year appears in the text"
    defects: [
      { code: 'year_missing', sentence: '沾益区(曲靖)' },
      { code: 'gap_unit', sentence: '13.04%' },
    ],
    falls: [],
  },
};
