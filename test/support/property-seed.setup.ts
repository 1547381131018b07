// vitest setupFiles: every fast-check property in this worker runs from the run's seed (a test that
// passes its own `seed` keeps it).
import fc from 'fast-check';
import { propertySeed } from './property-seed';

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: propertySeed(process.env.FC_SEED) });
