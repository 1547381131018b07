// The brief's 规划目标 section: the plan's targets with today's value, the straight-line projection
// to the deadline and the status; the counties meeting the 优质均衡 resource standards; the cost to
// close summed by prefecture (无数据 with the reason where a unit cost is not set). Figures from
// db/brief/section-targets.ts.
import type { BriefBlock } from './model';

type Lang = 'zh' | 'en';

export type TargetsFigures = {
  /** Why there is nothing to report (no school data …), else null. */
  reason: string | null;
  year: number | null;
  /** Values in the target's own unit: % for shares (59.00 = 59 %), a plain ratio otherwise. */
  targets: { name: { zh: string; en: string }; region: string; deadline: number; unit: 'percent' | 'ratio'; comparator: '≥' | '≤'; threshold: number; latest: number | null; latestYear: number | null; projection: number | null; status: 'met' | 'on_track' | 'off_track' | 'no_data' }[];
  counties: number;
  countiesMet: number;
  certified: number;
  prefectures: { name: string; counties: number; met: number; costFen: number | null }[];
  totalCostFen: number | null;
  missing: string[];
  synthetic: boolean;
  /** The school, kindergarten, attainment and inclusion datasets read (for the brief's sources). */
  datasets: { id: number; name: string; sha256: string }[];
};

const STATUS: Record<TargetsFigures['targets'][number]['status'], Record<Lang, string>> = {
  met: { zh: '已达标', en: 'met' },
  on_track: { zh: '按期可达', en: 'on track' },
  off_track: { zh: '进度滞后', en: 'off track' },
  no_data: { zh: '无数据', en: 'no data' },
};

const wan = (fen: number | null) => (fen === null ? null : fen / 1e6);

export function targetsSection(f: TargetsFigures | undefined, lang: Lang): BriefBlock[] {
  if (!f || f.reason !== null) return [{ type: 'paragraph', text: lang === 'zh' ? `无数据：${f?.reason ?? '未读取学校数据'}` : `No data: ${f?.reason ?? 'no school data was read'}` }];
  const off = f.targets.filter((t) => t.status === 'off_track').length;
  const pct = (n: number) => ((n / Math.max(1, f.counties)) * 100).toFixed(1);
  const total = f.totalCostFen === null ? (lang === 'zh' ? '无数据（单价未设定）' : 'no data (unit costs not set)') : `${(f.totalCostFen / 1e6).toFixed(2)}${lang === 'zh' ? '万元' : ' (10k yuan)'}`;
  const text =
    lang === 'zh'
      ? `截至${f.year}年，${f.targets.length}项规划目标中${off}项进度滞后。${f.counties}个县中${f.certified}个已认定义务教育优质均衡（${pct(f.certified)}%），${f.countiesMet}个学校数据达到资源配置标准（${pct(f.countiesMet)}%）；按全部指标达标口径，补齐资源配置差距约需${total}。${f.synthetic ? '（合成数据）' : ''}`
      : `As of ${f.year}, ${off} of the plan’s ${f.targets.length} targets are off track. Of ${f.counties} counties, ${f.certified} are certified 优质均衡 (${pct(f.certified)} %) and ${f.countiesMet} meet the resource standards in the school data (${pct(f.countiesMet)} %); closing every resource gap would cost ${total}.${f.synthetic ? ' (synthetic data)' : ''}`;
  const blocks: BriefBlock[] = [{ type: 'paragraph', text }];
  blocks.push({
    type: 'table',
    table: {
      caption: lang === 'zh' ? `表  规划目标进展（${f.year}年）` : `Plan targets, ${f.year}`,
      columns: [
        { header: lang === 'zh' ? '目标' : 'Target', kind: 'text' },
        { header: lang === 'zh' ? '地区' : 'Region', kind: 'text' },
        { header: lang === 'zh' ? '期限' : 'Deadline', kind: 'year' },
        { header: lang === 'zh' ? '单位' : 'Unit', kind: 'text' },
        { header: lang === 'zh' ? '目标值' : 'Target', kind: 'text' },
        { header: lang === 'zh' ? '当前值' : 'Latest', kind: 'decimal4' },
        { header: lang === 'zh' ? '当前值年份' : 'Year of latest', kind: 'year' },
        { header: lang === 'zh' ? '直线预测' : 'Straight line', kind: 'decimal4' },
        { header: lang === 'zh' ? '状态' : 'Status', kind: 'text' },
      ],
      rows: f.targets.map((t) => [t.name[lang], t.region, t.deadline, t.unit === 'percent' ? '%' : lang === 'zh' ? '比值' : 'ratio', `${t.comparator} ${t.unit === 'percent' ? t.threshold.toFixed(2) : t.threshold.toFixed(4)}`, t.latest, t.latestYear, t.projection, STATUS[t.status][lang]]),
      note: lang === 'zh' ? '直线预测为按已有年份最小二乘外推至期限年份，仅供参考。' : 'Straight line: least squares over the years held, extended to the deadline; indicative only.',
    },
  });
  blocks.push({
    type: 'table',
    table: {
      caption: lang === 'zh' ? '表  优质均衡资源配置与补齐资金（按地级市）' : '优质均衡 resources and the cost to close, by prefecture',
      columns: [
        { header: lang === 'zh' ? '地级市' : 'Prefecture', kind: 'text' },
        { header: lang === 'zh' ? '县数' : 'Counties', kind: 'integer' },
        { header: lang === 'zh' ? '资源配置达标县' : 'Meeting the standards', kind: 'integer' },
        { header: lang === 'zh' ? '补齐资金（万元）' : 'Cost to close (10k yuan)', kind: 'wan2' },
      ],
      rows: f.prefectures.map((p) => [p.name, p.counties, p.met, wan(p.costFen)]),
      note: [lang === 'zh' ? '补齐资金按全部指标达标口径（教督〔2017〕6号七项指标）。' : 'Cost to close: every indicator raised to its standard (教督〔2017〕6号).', ...f.missing].join(' '),
    },
  });
  return blocks;
}
