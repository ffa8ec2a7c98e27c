import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { indicatorDirections, indicatorKinds } from '../../lib/results/kinds';
import { unitCodes } from '../../lib/results/units';
import { amendments } from './amendments';
import { createdAt, oneOf, timestamp, updatedAt } from './columns';
import { contracts } from './contracts';
import { deliverables } from './deliverables';
import { matters } from './matters';

/**
 * A matter's performance indicators (绩效指标), kept by the matter's department. A retired indicator stays
 * (contracts and results refer to it) but is offered to no new contract.
 */
export const matterIndicators = sqliteTable(
  'matter_indicators',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    matterId: integer('matter_id')
      .notNull()
      .references(() => matters.id),
    /** Stable within the matter, snake_case: the key of open data and of the catalogue CSV. */
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    unit: text('unit', { enum: unitCodes }).notNull(),
    kind: text('kind', { enum: indicatorKinds }).notNull(),
    direction: text('direction', { enum: indicatorDirections }).notNull(),
    definitionZh: text('definition_zh').notNull().default(''),
    definitionEn: text('definition_en').notNull().default(''),
    retiredAt: timestamp('retired_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('matter_indicators_unit_check', oneOf(t.unit, unitCodes)),
    check('matter_indicators_kind_check', oneOf(t.kind, indicatorKinds)),
    check('matter_indicators_direction_check', oneOf(t.direction, indicatorDirections)),
    uniqueIndex('matter_indicators_code_idx').on(t.matterId, t.code),
  ],
);

/** A contract's agreed target per indicator for its whole term, in hundredths of the indicator's unit. */
export const contractTargets = sqliteTable(
  'contract_targets',
  {
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => matterIndicators.id),
    targetCenti: integer('target_centi').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.indicatorId] }),
    check('contract_targets_value_check', sql`${t.targetCenti} >= 0`),
    index('contract_targets_indicator_idx').on(t.indicatorId),
  ],
);

/** The targets an amendment would set (all of them: applying the amendment replaces the contract's targets). */
export const amendmentTargets = sqliteTable(
  'amendment_targets',
  {
    amendmentId: integer('amendment_id')
      .notNull()
      .references(() => amendments.id),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => matterIndicators.id),
    targetCenti: integer('target_centi').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.amendmentId, t.indicatorId] }),
    check('amendment_targets_value_check', sql`${t.targetCenti} >= 0`),
    index('amendment_targets_indicator_idx').on(t.indicatorId),
  ],
);

/** What a deliverable reports per indicator, in hundredths of the unit. Only accepted deliverables count. */
export const deliverableResults = sqliteTable(
  'deliverable_results',
  {
    deliverableId: integer('deliverable_id')
      .notNull()
      .references(() => deliverables.id),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => matterIndicators.id),
    valueCenti: integer('value_centi').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.deliverableId, t.indicatorId] }),
    check('deliverable_results_value_check', sql`${t.valueCenti} >= 0`),
    index('deliverable_results_indicator_idx').on(t.indicatorId),
  ],
);
