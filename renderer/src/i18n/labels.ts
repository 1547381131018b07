// Labels for the enumerations that travel with datasets (kind, release stage, series basis,
// scope), so every view names them the same way.
import type { DatasetInfo } from '../../../core/ipc/schemas';
import type { ImportKind } from '../../../core/import/kinds';
import type { MessageKey } from './messages';

export const STAGE_LABEL: Record<DatasetInfo['releaseStage'], MessageKey> = {
  flash: 'stageFlash', bulletin: 'stageBulletin', yearbook: 'stageYearbook', final_accounts: 'stageFinal', budget: 'stageBudget', other: 'stageOther',
};

export const DATASET_KIND_LABEL: Record<DatasetInfo['kind'], MessageKey> = {
  expenditure: 'kindExpenditure', enrolment: 'kindEnrolment', fiscal: 'kindCapacity', bulletin: 'kindBulletin', standard: 'kindStandard', regions: 'kindRegions', region_changes: 'kindRegionChanges', aid: 'kindAid',
  schools: 'kindSchools', kindergartens: 'kindKindergartens', county_attainment: 'kindCountyAttainment', inclusion: 'kindInclusion',
};

export const IMPORT_KIND_LABEL: Record<ImportKind, MessageKey> = {
  expenditure: 'kindExpenditure', enrolment: 'kindEnrolment', capacity: 'kindCapacity', bulletin: 'kindBulletin', standard: 'kindStandard', regions: 'kindRegions', 'region-changes': 'kindRegionChanges', aid: 'kindAid',
  schools: 'kindSchools', kindergartens: 'kindKindergartens', 'county-attainment': 'kindCountyAttainment', inclusion: 'kindInclusion',
};

export const BASIS_LABEL: Record<NonNullable<DatasetInfo['basis']>, MessageKey> = { moe_edu_funds: 'basisMoe', mof_205: 'basisMof' };
export const SCOPE_LABEL: Record<NonNullable<DatasetInfo['scope']>, MessageKey> = { consolidated: 'scopeConsolidated', own_level: 'scopeOwnLevel' };
