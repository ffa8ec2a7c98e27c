import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { contractorKinds, verificationStatuses } from '../../lib/domain/enums';
import { createdAt, oneOf, timestamp, updatedAt } from './columns';

export const contractors = sqliteTable(
  'contractors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: contractorKinds }).notNull(),
    creditCode: text('credit_code').notNull().unique(),
    legalRepresentative: text('legal_representative').notNull(),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    qualifications: text('qualifications').notNull().default(''),
    verificationStatus: text('verification_status', { enum: verificationStatuses }).notNull().default('pending'),
    statusReason: text('status_reason'),
    statusChangedAt: timestamp('status_changed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('contractors_kind_check', oneOf(t.kind, contractorKinds)),
    check('contractors_verification_status_check', oneOf(t.verificationStatus, verificationStatuses)),
    check('contractors_credit_code_length_check', sql`length(${t.creditCode}) = 18`),
    check(
      'contractors_status_reason_check',
      sql`${t.verificationStatus} not in ('suspended', 'debarred') or (${t.statusReason} is not null and ${t.statusChangedAt} is not null)`,
    ),
    index('contractors_kind_idx').on(t.kind),
    index('contractors_verification_status_idx').on(t.verificationStatus),
    index('contractors_name_zh_idx').on(t.nameZh),
  ],
);
