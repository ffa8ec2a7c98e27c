import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { attachmentOwners } from '../../lib/domain/enums';
import { createdAt, oneOf } from './columns';
import { contractors } from './contractors';
import { deliverables } from './deliverables';
import { users } from './users';

/** A file stored by content hash under UPLOAD_DIR, belonging to a deliverable or to a contractor. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ownerType: text('owner_type', { enum: attachmentOwners }).notNull(),
    deliverableId: integer('deliverable_id').references(() => deliverables.id),
    contractorId: integer('contractor_id').references(() => contractors.id),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('attachments_owner_type_check', oneOf(t.ownerType, attachmentOwners)),
    check(
      'attachments_owner_check',
      sql`(${t.ownerType} = 'deliverable' and ${t.deliverableId} is not null) or (${t.ownerType} = 'contractor' and ${t.contractorId} is not null)`,
    ),
    check('attachments_size_check', sql`${t.sizeBytes} >= 0`),
    index('attachments_deliverable_idx').on(t.deliverableId),
    index('attachments_contractor_idx').on(t.contractorId),
    index('attachments_sha256_idx').on(t.sha256),
    index('attachments_uploaded_by_idx').on(t.uploadedBy),
  ],
);
