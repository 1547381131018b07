// The one helper instrument files use: it fixes the key type to the catalogue, so a misspelt key in
// a data file is a compile error, and keeps the literal data otherwise untouched.
import type { LawKey } from './keys';
import type { Instrument } from './types';

export function instrument(data: Instrument<LawKey>): Instrument<LawKey> {
  return data;
}
