// The law store: every legal parameter the workbench uses, effective-dated, with its source.
// See docs/law.md (generated from this store) and LAW-STORE-READY.md / docs/domain.md for how to use it.
export { LAW_KEYS, LAW_SPECS, isLawKey, type LawKey } from './keys';
export { lawAt, lawHistory, lawLatest, lawValue, yearStart, type LawRecord } from './store';
export { INSTRUMENTS } from './instruments';
export type { Confidence, Instrument, IsoDate, LawReference, LawUnit } from './types';
