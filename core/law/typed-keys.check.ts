// Compile-time checks of the store's typing, run by `npm run typecheck` (this file is never
// imported). Each line marked @ts-expect-error must fail to compile; if a change made it compile,
// tsc reports the unused directive and the typecheck fails.
import { instrument } from './define';
import { lawAt, lawValue } from './store';

export function _wrongKeysDoNotCompile(): void {
  // @ts-expect-error a key that is not in the catalogue
  lawAt('standard.public_funds_base.primary.nowhere', '2024-01-01');
  // @ts-expect-error a misspelt key
  lawValue('fiscal_edu_gdp.min_ration', '2024-01-01');
  // @ts-expect-error a date that is not an ISO date
  lawAt('fiscal_edu_gdp.min_ratio', 2024);
  instrument({
    id: 'x',
    number: '',
    title: '',
    issuer: '',
    date: '2024-01-01',
    url: '',
    urlKind: 'project',
    articles: {},
    // @ts-expect-error an instrument file cannot set a key the catalogue lacks
    values: [{ key: 'no.such.key', value: 1, from: '2024-01-01', to: null, article: '', confidence: 'C' }],
  });
}
