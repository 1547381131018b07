// An audit entry's fields as a reader names them, and their values without raw JSON: a scenario's
// overlay reads "生均转移支付下限 = 150", its scores "390221: 78". The export keeps the stored JSON.
import { parameterDefinition } from '../../../../core/transfer/parameters';
import type { Lang } from '../../i18n/messages';

const FIELDS: Record<string, { zh: string; en: string }> = {
  name: { zh: '名称', en: 'name' },
  overlay: { zh: '参数调整', en: 'parameter changes' },
  scores: { zh: '困难评分', en: 'difficulty scores' },
  year: { zh: '年度', en: 'year' },
  region_code: { zh: '地区代码', en: 'region code' },
  is_baseline: { zh: '基准方案', en: 'baseline' },
  params_hash: { zh: '参数哈希', en: 'parameter hash' },
  data_hash: { zh: '数据哈希', en: 'data hash' },
  created_at: { zh: '创建时间', en: 'created' },
  updated_at: { zh: '修改时间', en: 'modified' },
  text: { zh: '说明', en: 'note' },
  author: { zh: '填写人', en: 'author' },
  rule: { zh: '规则', en: 'rule' },
  level: { zh: '学段', en: 'level' },
  scope: { zh: '口径', en: 'scope' },
  value: { zh: '值', en: 'value' },
  key: { zh: '设置项', en: 'setting' },
  amount_fen: { zh: '金额（分）', en: 'amount (fen)' },
  students: { zh: '在校生数', en: 'students' },
  dataset_id: { zh: '数据集', en: 'dataset' },
};

export function fieldName(field: string, lang: Lang): string {
  return FIELDS[field]?.[lang] ?? field.replace(/_/g, ' ');
}

/** A stored value for reading: JSON lists and objects in words; anything else as it is. */
export function valueWords(value: string | null, lang: Lang): string | null {
  if (value === null) return null;
  const t = value.trim();
  if (!(t.startsWith('[') || t.startsWith('{'))) return value;
  let v: unknown;
  try {
    v = JSON.parse(t);
  } catch {
    return value;
  }
  const sep = lang === 'zh' ? '；' : '; ';
  if (Array.isArray(v)) {
    if (v.length === 0) return lang === 'zh' ? '（无）' : '(none)';
    return v
      .map((e) => {
        if (e && typeof e === 'object' && 'key' in e && 'value' in e) {
          const o = e as { key: string; value: number; from?: number | null; to?: number | null };
          const d = parameterDefinition(o.key);
          const label = d ? d.label[lang] : o.key;
          const shown = d?.unit === 'fraction' ? `${Number((o.value * 100).toFixed(6))}%` : String(o.value);
          const period = o.from != null || o.to != null ? ` (${o.from ?? '…'}–${o.to ?? '…'})` : '';
          return `${label} = ${shown}${period}`;
        }
        return typeof e === 'string' ? e : JSON.stringify(e);
      })
      .join(sep);
  }
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 0) return lang === 'zh' ? '（无）' : '(none)';
    return entries.map(([k, x]) => `${k}: ${typeof x === 'object' ? JSON.stringify(x) : String(x)}`).join(sep);
  }
  return value;
}
