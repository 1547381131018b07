// The shape of one field of an import kind: a leaf module, so kinds.ts and school-kinds.ts (which
// kinds.ts includes) can both use it without importing each other.
export type ValueKind = 'money' | 'count' | 'area' | 'ratio' | 'text';

export type FieldSpec = {
  name: string;
  zh: string;
  /** 'key' fields identify a fact; 'value' fields carry a measurement (a table may have many). */
  role: 'key' | 'value' | 'attribute';
  required: boolean;
  valueKind?: ValueKind;
  note: string;
};
