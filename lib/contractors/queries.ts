import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contractors } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { requirePermission } from '../auth/permissions';

/** One contractor as staff see it (no personal contact data: the record is about the organization). */
export function findContractorForStaff(db: Db, actor: Actor, contractorId: number) {
  requirePermission(actor, 'contractor.read');
  return db
    .select({
      id: contractors.id,
      nameZh: contractors.nameZh,
      nameEn: contractors.nameEn,
      kind: contractors.kind,
      creditCode: contractors.creditCode,
      legalRepresentative: contractors.legalRepresentative,
      qualifications: contractors.qualifications,
      verificationStatus: contractors.verificationStatus,
      statusReason: contractors.statusReason,
    })
    .from(contractors)
    .where(eq(contractors.id, contractorId))
    .get();
}
