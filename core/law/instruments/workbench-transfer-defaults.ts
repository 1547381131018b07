import { instrument } from '../define';

// Not law: the transfer simulator's starting point where no rule fixes a number (the national
// funds publish no factor weights; the pool is the demo province's). Each value is explained in
// docs/domain.md under “Transfer-method defaults”; a scenario changes them, the baseline never.
// Values start in 2000 so that every year a database holds has one.
export const workbenchTransferDefaults = instrument({
  id: 'workbench-transfer-defaults',
  number: '',
  title: '教育财政工作台 转移支付模拟的方法默认值（非法定）',
  issuer: '教育财政工作台',
  date: '2024-01-01',
  url: 'docs/domain.md#transfer-method-defaults',
  articles: {
    资金总额: '演示省的年度资金总额（预算法 第十六条：年度预算安排）；方案可另设。',
    因素权重: '因素法 Σ w·f/Σf 的权重：学生 50%、人口 10%、面积 10%、人均财力倒数 20%、生均缺口 10%、困难 0%（各资金管理办法未公布全国权重）。',
    困难系数: '困难系数乘数 max(下限, 1 + 倾斜 × 困难系数)：倾斜 0（不倾斜），下限 0.1；默认按第七条两项指标计算。',
    基准定额部分: '默认不先按基准定额安排（开启后 基准定额 × 学生数 × 分档分担比例 先行安排）。',
    分档预分: '默认不预分；预分时各档 30/25/20/15/10%。',
    边界: '生均下限 0、单县上限 100%、保既得利益 h = 0、增幅控制关闭（开启时 −10% 至 +20%）。',
    结果: '转移支付变化全部计入受援地教育支出。',
    缺口因素: '缺口因素（各县补齐优质均衡资源配置差距所需资金）默认权重 0；达标县数测算假设各县每年所得转移支付的 5% 用于补齐缺口（工作台假设，非法规数值，方案可改）。',
  },
  values: [
    { key: 'transfer.pool.amount', value: 3000000000, from: '2000-01-01', to: '2023-01-01', article: '资金总额', confidence: 'C' },
    { key: 'transfer.pool.amount', value: 3300000000, from: '2023-01-01', to: '2024-01-01', article: '资金总额', confidence: 'C' },
    { key: 'transfer.pool.amount', value: 3500000000, from: '2024-01-01', to: null, article: '资金总额', confidence: 'C' },
    { key: 'transfer.factor.students', value: 0.5, from: '2000-01-01', to: null, article: '因素权重', confidence: 'C' },
    { key: 'transfer.factor.population', value: 0.1, from: '2000-01-01', to: null, article: '因素权重', confidence: 'C' },
    { key: 'transfer.factor.area', value: 0.1, from: '2000-01-01', to: null, article: '因素权重', confidence: 'C' },
    { key: 'transfer.factor.inverse_capacity', value: 0.2, from: '2000-01-01', to: null, article: '因素权重', confidence: 'C' },
    { key: 'transfer.factor.standard_gap', value: 0.1, from: '2000-01-01', to: null, article: '因素权重', confidence: 'C' },
    { key: 'transfer.factor.difficulty', value: 0, from: '2000-01-01', to: null, article: '因素权重', confidence: 'C' },
    { key: 'transfer.factor.gap', value: 0, from: '2000-01-01', to: null, article: '缺口因素', confidence: 'C' },
    { key: 'transfer.gap.spend_share', value: 0.05, from: '2000-01-01', to: null, article: '缺口因素', confidence: 'C' },
    { key: 'transfer.difficulty.tilt', value: 0, from: '2000-01-01', to: null, article: '困难系数', confidence: 'C' },
    { key: 'transfer.difficulty.by_revenue_per_head', value: 0, from: '2000-01-01', to: null, article: '困难系数', confidence: 'C' },
    { key: 'transfer.difficulty.floor', value: 0.1, from: '2000-01-01', to: null, article: '困难系数', confidence: 'C' },
    { key: 'transfer.standard.enabled', value: 0, from: '2000-01-01', to: null, article: '基准定额部分', confidence: 'C' },
    { key: 'transfer.tiers.presplit', value: 0, from: '2000-01-01', to: null, article: '分档预分', confidence: 'C' },
    { key: 'transfer.tiers.share_tier1', value: 0.3, from: '2000-01-01', to: null, article: '分档预分', confidence: 'C' },
    { key: 'transfer.tiers.share_tier2', value: 0.25, from: '2000-01-01', to: null, article: '分档预分', confidence: 'C' },
    { key: 'transfer.tiers.share_tier3', value: 0.2, from: '2000-01-01', to: null, article: '分档预分', confidence: 'C' },
    { key: 'transfer.tiers.share_tier4', value: 0.15, from: '2000-01-01', to: null, article: '分档预分', confidence: 'C' },
    { key: 'transfer.tiers.share_tier5', value: 0.1, from: '2000-01-01', to: null, article: '分档预分', confidence: 'C' },
    { key: 'transfer.floor.per_student', value: 0, from: '2000-01-01', to: null, article: '边界', confidence: 'C' },
    { key: 'transfer.cap.share', value: 1, from: '2000-01-01', to: null, article: '边界', confidence: 'C' },
    { key: 'transfer.hold_harmless.h', value: 0, from: '2000-01-01', to: null, article: '边界', confidence: 'C' },
    { key: 'transfer.growth.enabled', value: 0, from: '2000-01-01', to: null, article: '边界', confidence: 'C' },
    { key: 'transfer.growth.min', value: -0.1, from: '2000-01-01', to: null, article: '边界', confidence: 'C' },
    { key: 'transfer.growth.max', value: 0.2, from: '2000-01-01', to: null, article: '边界', confidence: 'C' },
    { key: 'transfer.outcome.pass_through', value: 1, from: '2000-01-01', to: null, article: '结果', confidence: 'C' },
  ],
});
