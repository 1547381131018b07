// The law store: every legal parameter the workbench uses, effective-dated, with its source.
// See docs/law.md (generated from this store), docs/law-store.md (how to read and add values) and
// docs/domain.md (what the rules mean).
export { LAW_KEYS, LAW_SPECS, isLawKey, type LawKey } from './keys';
export { asFraction, lawAt, lawHistory, lawLatest, lawValue, referenceUrlKind, yearStart, type LawRecord } from './store';
export { INSTRUMENTS } from './instruments';
export type { Confidence, Instrument, IsoDate, LawReference, LawUnit, UrlKind } from './types';
