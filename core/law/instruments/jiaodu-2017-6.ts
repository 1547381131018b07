import { instrument } from '../define';

// The seven resource indicators of 优质均衡 (per school, excluding special-education and vocational
// schools and small teaching points), the between-school CV ceilings and the pass rules. The
// article is named by its heading: the 办法 groups them under 资源配置 and 社会认可度.
export const jiaodu20176 = instrument({
  id: 'jiaodu-2017-6',
  number: '教督〔2017〕6号',
  title: '县域义务教育优质均衡发展督导评估办法',
  issuer: '教育部',
  date: '2017-04-19',
  url: 'https://www.fudaoke.com/exam/3242393.html',
  urlKind: 'repost',
  articles: {
    '资源配置':
      '每所学校至少6项指标达到要求，余项不能低于要求的85%；所有指标校际差异系数，小学均小于或等于0.50，初中均小于或等于0.45。指标：每百名学生拥有高于规定学历教师数 小学4.2人、初中5.3人；县级以上骨干教师数 均1人；体育、艺术（美术、音乐）专任教师数 均0.9人；生均教学及辅助用房面积 小学4.5㎡、初中5.8㎡；生均体育运动场馆面积 小学7.5㎡、初中10.2㎡；生均教学仪器设备值 小学2000元、初中2500元；每百名学生拥有网络多媒体教室数 小学2.3间、初中2.4间。',
    '社会认可度': '社会认可度达到85%以上。',
  },
  values: [
    { key: 'balance.teachers_above_degree.primary', value: 4.2, from: '2017-04-19', to: null, article: '资源配置', confidence: 'C' },
    { key: 'balance.teachers_above_degree.junior', value: 5.3, from: '2017-04-19', to: null, article: '资源配置', confidence: 'C' },
    { key: 'balance.key_teachers.primary', value: 1, from: '2017-04-19', to: null, article: '资源配置', confidence: 'C' },
    { key: 'balance.key_teachers.junior', value: 1, from: '2017-04-19', to: null, article: '资源配置', confidence: 'C' },
    { key: 'balance.pe_art_teachers.primary', value: 0.9, from: '2017-04-19', to: null, article: '资源配置', confidence: 'C' },
    { key: 'balance.pe_art_teachers.junior', value: 0.9, from: '2017-04-19', to: null, article: '资源配置', confidence: 'C' },
    { key: 'balance.teaching_space.primary', value: 4.5, from: '2017-04-19', to: null, article: '资源配置', confidence: 'C' },
    { key: 'balance.teaching_space.junior', value: 5.8, from: '2017-04-19', to: null, article: '资源配置', confidence: 'C' },
    { key: 'balance.sports_space.primary', value: 7.5, from: '2017-04-19', to: null, article: '资源配置', confidence: 'C' },
    { key: 'balance.sports_space.junior', value: 10.2, from: '2017-04-19', to: null, article: '资源配置', confidence: 'C' },
    { key: 'balance.equipment_value.primary', value: 200000, from: '2017-04-19', to: null, article: '资源配置', confidence: 'C' },
    { key: 'balance.equipment_value.junior', value: 250000, from: '2017-04-19', to: null, article: '资源配置', confidence: 'C' },
    { key: 'balance.multimedia_rooms.primary', value: 2.3, from: '2017-04-19', to: null, article: '资源配置', confidence: 'C' },
    { key: 'balance.multimedia_rooms.junior', value: 2.4, from: '2017-04-19', to: null, article: '资源配置', confidence: 'C' },
    { key: 'balance.cv_max.primary', value: 0.5, from: '2017-04-19', to: null, article: '资源配置', confidence: 'C', note: 'Per indicator, not an average of the seven; pupil-weighted (docs/domain.md).' },
    { key: 'balance.cv_max.junior', value: 0.45, from: '2017-04-19', to: null, article: '资源配置', confidence: 'C' },
    { key: 'balance.indicators_min_met', value: 6, from: '2017-04-19', to: null, article: '资源配置', confidence: 'C' },
    { key: 'balance.remaining_min_share', value: 0.85, from: '2017-04-19', to: null, article: '资源配置', confidence: 'M', note: 'Recalled from the national text; the 6-of-7 rule itself is confirmed.' },
    { key: 'balance.recognition_min', value: 0.85, from: '2017-04-19', to: null, article: '社会认可度', confidence: 'C' },
  ],
});
