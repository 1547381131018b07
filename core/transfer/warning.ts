// A warning of an allocation run (a factor with no data, bounds that cannot all hold …): a leaf
// module, so evaluate.ts and the share computations it calls (shares.ts) need not import each other.
export type Warning = { code: 'factor_empty' | 'bounds_conflict' | 'standard_exceeds_pool' | 'tier_missing' | 'infeasible_low' | 'infeasible_high' | 'scores_partial'; detail: string; units?: number[] };
