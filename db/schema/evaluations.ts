import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { evaluatorKinds, grades } from '../../lib/domain/enums';
import { createdAt, oneOf } from './columns';
import { contracts } from './contracts';
import { users } from './users';

export const evaluations = sqliteTable(
  'evaluations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id),
    evaluatorKind: text('evaluator_kind', { enum: evaluatorKinds }).notNull(),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    /** JSON object of indicator name → score 0–100. */
    scores: text('scores').notNull(),
    overallScore: integer('overall_score').notNull(),
    grade: text('grade', { enum: grades }).notNull(),
    comment: text('comment').notNull().default(''),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('evaluations_evaluator_kind_check', oneOf(t.evaluatorKind, evaluatorKinds)),
    check('evaluations_grade_check', oneOf(t.grade, grades)),
    check('evaluations_score_check', sql`${t.overallScore} between 0 and 100`),
    check(
      'evaluations_grade_matches_score_check',
      sql`${t.grade} = case when ${t.overallScore} >= 90 then 'excellent' when ${t.overallScore} >= 80 then 'good' when ${t.overallScore} >= 60 then 'pass' else 'fail' end`,
    ),
    check('evaluations_period_check', sql`${t.periodEnd} >= ${t.periodStart}`),
    index('evaluations_contract_idx').on(t.contractId),
    index('evaluations_recorded_by_idx').on(t.recordedBy),
    index('evaluations_evaluator_kind_idx').on(t.evaluatorKind),
  ],
);
