// The brief composer's wording, Chinese first.
import type { Lang } from '../../i18n/messages';
import { translator } from '../../i18n/translator';

const zh = {
  title: '简报',
  intro: '选择地区、年度和章节，预览后导出为 PDF、Word 或 Excel。文中每个数字都取自所述数据，每页注明数据来源、方案参数哈希和生成时间。',
  region: '地区',
  year: '年度',
  latest: '最新年度',
  sections: '章节',
  section_spending: '教育经费投入',
  section_per_student: '生均教育经费',
  section_compliance: '“两个只增不减”落实情况',
  section_scenario: '转移支付方案测算',
  section_targets: '规划目标与优质均衡',
  section_appendix: '各县附表',
  scenario: '方案',
  none: '（未选择）',
  language: '语言',
  preview: '预览',
  export: '导出',
  composing: '正在生成预览…',
  writing: '正在生成 {format} 文件…',
  saved: '已保存：{file}（浏览器的下载文件夹）',
};

const en: Record<keyof typeof zh, string> = {
  title: 'Briefs',
  intro: 'Pick a region, a year and sections, preview, then export as PDF, Word or Excel. Every number in the text is taken from the data it describes; every page names its sources, the scenario hash and the time.',
  region: 'Region',
  year: 'Year',
  latest: 'Latest year',
  sections: 'Sections',
  section_spending: 'Education spending',
  section_per_student: 'Spending per student',
  section_compliance: 'Never-decrease rules',
  section_scenario: 'Transfer scenario',
  section_targets: 'Plan targets and 优质均衡',
  section_appendix: 'Appendix by county',
  scenario: 'Scenario',
  none: '(none)',
  language: 'Language',
  preview: 'Preview',
  export: 'Export',
  composing: 'Composing the preview…',
  writing: 'Writing the {format} file…',
  saved: 'Saved: {file} (the browser’s downloads folder)',
};

export type BriefTextKey = keyof typeof zh;
const TEXT: Record<Lang, Record<BriefTextKey, string>> = { zh, en };

export const briefText = translator(TEXT);
