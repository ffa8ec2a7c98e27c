import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { bidEvaluationMethods, procurementMethods, singleSourceGrounds } from '../../lib/domain/enums';
import { oneOf } from './columns';
import { contractors } from './contractors';
import { amendments } from './amendments';
import { contracts } from './contracts';

/** How a contract's contractor was chosen: one row per contract (lib/procurement/rules.ts checks it). */
export const contractProcurements = sqliteTable(
  'contract_procurements',
  {
    contractId: integer('contract_id')
      .primaryKey()
      .references(() => contracts.id),
    method: text('method', { enum: procurementMethods }).notNull(),
    /** YYYY-MM-DD, Beijing time. */
    noticeDate: text('notice_date'),
    bidDeadline: text('bid_deadline'),
    evaluationMethod: text('evaluation_method', { enum: bidEvaluationMethods }),
    numberOfTenderers: integer('number_of_tenderers'),
    singleSourceGround: text('single_source_ground', { enum: singleSourceGrounds }),
    justification: text('justification'),
    /** Links to the published procurement and award notices (e.g. on 浙江政府采购网). */
    procurementNoticeUrl: text('procurement_notice_url'),
    awardNoticeUrl: text('award_notice_url'),
  },
  (t) => [
    check('contract_procurements_method_check', oneOf(t.method, procurementMethods)),
    check('contract_procurements_evaluation_check', sql`${t.evaluationMethod} is null or ${oneOf(t.evaluationMethod, bidEvaluationMethods)}`),
    check('contract_procurements_ground_check', sql`${t.singleSourceGround} is null or ${oneOf(t.singleSourceGround, singleSourceGrounds)}`),
    check('contract_procurements_tenderers_check', sql`${t.numberOfTenderers} is null or ${t.numberOfTenderers} >= 0`),
    index('contract_procurements_method_idx').on(t.method),
  ],
);

/** The bidders of a contract's procurement as published: registered contractors or outside bidders. */
export const contractTenderers = sqliteTable(
  'contract_tenderers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id),
    position: integer('position').notNull(),
    contractorId: integer('contractor_id').references(() => contractors.id),
    name: text('name').notNull(),
    creditCode: text('credit_code'),
    bidFen: integer('bid_fen'),
    awarded: integer('awarded', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    check('contract_tenderers_bid_check', sql`${t.bidFen} is null or ${t.bidFen} >= 0`),
    uniqueIndex('contract_tenderers_position_idx').on(t.contractId, t.position),
    index('contract_tenderers_contractor_idx').on(t.contractorId),
  ],
);

/**
 * A new procurement record an amendment carries (lib/contracts/amendments.ts): the checked record as JSON, in
 * the shape lib/procurement/service.ts prepares; approving the amendment replaces the contract's record with it.
 */
export const amendmentProcurements = sqliteTable(
  'amendment_procurements',
  {
    amendmentId: integer('amendment_id')
      .primaryKey()
      .references(() => amendments.id),
    record: text('record', { mode: 'json' }).notNull(),
  },
  (t) => [check('amendment_procurements_record_check', sql`json_valid(${t.record})`)],
);
