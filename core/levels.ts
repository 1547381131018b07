// Education levels as the bulletins and the per-student rules use them (docs/domain.md#what-is-compared).
// 'all' is the pseudo-level for a figure not split by level (a total).

export const LEVEL_CODES = ['preschool', 'primary', 'junior', 'senior', 'sec_voc', 'special', 'higher'] as const;
export type LevelCode = (typeof LEVEL_CODES)[number];
export type LevelOrAll = LevelCode | 'all';

export type LevelInfo = {
  code: LevelCode;
  zh: string;
  en: string;
  /** Budget function codes (class 205) whose spending belongs to the level; an approximation, docs/domain.md#budget-classification. */
  functionCodes: readonly string[];
  compulsory: boolean;
};

export const LEVELS: readonly LevelInfo[] = [
  { code: 'preschool', zh: '学前教育', en: 'Pre-school', functionCodes: ['2050201'], compulsory: false },
  { code: 'primary', zh: '小学', en: 'Primary', functionCodes: ['2050202'], compulsory: true },
  { code: 'junior', zh: '初中', en: 'Junior secondary', functionCodes: ['2050203'], compulsory: true },
  { code: 'senior', zh: '普通高中', en: 'Senior secondary', functionCodes: ['2050204'], compulsory: false },
  { code: 'sec_voc', zh: '中职', en: 'Secondary vocational', functionCodes: ['2050302', '2050303'], compulsory: false },
  { code: 'special', zh: '特殊教育', en: 'Special education', functionCodes: ['20507'], compulsory: false },
  { code: 'higher', zh: '高等教育', en: 'Higher education', functionCodes: ['2050205', '2050305'], compulsory: false },
];

const BY_CODE = new Map(LEVELS.map((l) => [l.code, l]));

export function levelInfo(code: LevelCode): LevelInfo {
  const info = BY_CODE.get(code);
  if (!info) throw new RangeError(`unknown education level ${code}`);
  return info;
}

export function isLevelCode(s: string): s is LevelCode {
  return BY_CODE.has(s as LevelCode);
}
