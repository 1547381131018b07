// Every instrument of the store, one file each. Add a file, then add it here (docs/law.md lists
// them in this order).
import type { LawKey } from '../keys';
import type { Instrument } from '../types';
import { aidStandardsBefore2024 } from './aid-standards-before-2024';
import { caijiao2009442 } from './caijiao-2009-442';
import { caijiao2014352 } from './caijiao-2014-352';
import { caijiao2024181 } from './caijiao-2024-181';
import { gangyao1993 } from './gangyao-1993';
import { guoban20186 } from './guoban-2018-6';
import { guoban201882 } from './guoban-2018-82';
import { guofa201567 } from './guofa-2015-67';
import { jiaodu20176 } from './jiaodu-2017-6';
import { livingSubsidy2024 } from './living-subsidy-2024';
import { quota2023 } from './quota-2023';

export const INSTRUMENTS: readonly Instrument<LawKey>[] = [gangyao1993, caijiao2014352, guofa201567, guoban20186, guoban201882, jiaodu20176, quota2023, aidStandardsBefore2024, livingSubsidy2024, caijiao2009442, caijiao2024181];
