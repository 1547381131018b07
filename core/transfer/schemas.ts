// Wire shapes of the simulator (engine channels, CLI JSON): stored scenarios and goal-seek results.
import { z } from 'zod';
import { OverlayEntry, Scores } from './parameters';

export const StoredScenario = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  name: z.string(),
  isBaseline: z.boolean(),
  overlay: z.array(OverlayEntry),
  scores: Scores,
  year: z.number().int(),
  paramsHash: z.string(),
  dataHash: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredScenario = z.infer<typeof StoredScenario>;

export const GoalKindSchema = z.enum(['max-difficulty-weight', 'min-pool']);

export const GoalResultSchema = z.object({
  goal: GoalKindSchema,
  feasible: z.boolean(),
  solverStatus: z.string(),
  value: z.number().nullable(),
  share: z.number().nullable(),
  overlay: z.array(OverlayEntry).nullable(),
  binding: z.array(z.object({ code: z.string(), name: z.string(), reason: z.enum(['floor', 'edu_spending_no_decrease', 'per_student_no_decrease']), needFen: z.number() })),
  limit: z.enum(['law', 'full_model', 'tool_cap']).nullable(),
  lpValue: z.number().nullable(),
  message: z.object({ zh: z.string(), en: z.string() }),
  check: z
    .object({
      perStudentFailures: z.number().int(),
      eduSpendingFailures: z.number().int(),
      belowFloor: z.number().int(),
      newlyFailing: z.number().int(),
      failing: z.array(z.object({ code: z.string(), name: z.string(), rules: z.array(z.enum(['floor', 'edu_spending_no_decrease', 'per_student_no_decrease'])), alreadyUnderBaseline: z.boolean() })),
      boundsActed: z.object({ floor: z.number().int(), hold_harmless: z.number().int(), growth_min: z.number().int(), cap: z.number().int(), growth_max: z.number().int() }),
      outside: z.array(z.enum(['cap', 'hold_harmless', 'growth_band'])),
    })
    .nullable(),
  lp: z.object({ variables: z.number().int(), constraints: z.number().int() }),
});
