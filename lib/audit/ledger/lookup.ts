import 'server-only';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { amendments, attachments, contractors, contracts, deliverables, departments, errorReports, evaluations, matters, milestones, payments, users } from '../../../db/schema';
import type { Actor } from '../../auth/actor';
import { can } from '../../auth/permissions';
import { contractorScope, contractScope, deliverableScope, isInScope, matterScope } from '../../auth/scope';
import { recordsNamedBy, type StoredEvent } from './present';
import { emptyTables, lookupOf, type LedgerLookup, type LookupTables, type RecordKind, type RecordRef } from './records';

// The records a page of the ledger names, loaded in one query per kind and only as far as the viewer may see
// them: every query carries the viewer's scope from lib/auth/scope.ts, so a record outside it is not loaded,
// and the presenter shows neither its name nor a link. Links go to the pages the viewer may open.

const ids = (refs: RecordRef[], kind: RecordKind) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))];

/** The records named by these events (and those they belong to), as far as the viewer may see them. */
export function loadLedgerLookup(db: Db, viewer: Actor, events: readonly StoredEvent[]): LedgerLookup {
  const refs = events.flatMap(recordsNamedBy);
  return lookupOf(loadRecords(db, viewer, refs, [...new Set(events.map((e) => e.actorOrg).filter((o): o is string => Boolean(o)))]));
}

/** Loads the given records (and the records they belong to) that the viewer may see. */
export function loadRecords(db: Db, viewer: Actor, refs: readonly RecordRef[], organizations: readonly string[] = []): LookupTables {
  const tables = emptyTables();
  if (viewer.role === 'public') return tables;
  const want = [...refs];
  const add = (kind: RecordKind, id: number | null) => {
    if (id !== null) want.push({ kind, id });
  };
  const where = (...conditions: (SQL | undefined)[]) => and(...conditions);

  // Attachments first: they name a deliverable (and its contract) or a contractor.
  const attachmentIds = ids(want, 'attachment');
  if (attachmentIds.length) {
    // Files of deliverables: whoever sees the deliverable (lib/auth/scope.ts deliverableScope), as the download does.
    for (const a of db
      .select({ id: attachments.id, fileName: attachments.fileName, deliverableId: attachments.deliverableId })
      .from(attachments)
      .innerJoin(deliverables, eq(deliverables.id, attachments.deliverableId))
      .innerJoin(contracts, eq(contracts.id, deliverables.contractId))
      .where(where(inArray(attachments.id, attachmentIds), can(viewer, 'deliverable.read') ? deliverableScope(viewer) : nothing()))
      .all()) {
      tables.attachment.set(a.id, { fileName: a.fileName, deliverableId: a.deliverableId, contractorId: null, href: `/api/attachments/${a.id}` });
      add('deliverable', a.deliverableId);
    }
    // A contractor's qualification documents: staff who read the register, and the contractor's own users.
    for (const a of db
      .select({ id: attachments.id, fileName: attachments.fileName, contractorId: attachments.contractorId })
      .from(attachments)
      .innerJoin(contractors, eq(contractors.id, attachments.contractorId))
      .where(where(inArray(attachments.id, attachmentIds), can(viewer, 'contractor.read') || viewer.role === 'contractor' ? contractorScope(viewer) : nothing()))
      .all()) {
      tables.attachment.set(a.id, { fileName: a.fileName, deliverableId: null, contractorId: a.contractorId, href: `/api/attachments/${a.id}` });
      add('contractor', a.contractorId);
    }
  }

  const contractRead = can(viewer, 'contract.read');
  const onContract = (contractId: number, anchor = '') => (contractRead ? `/desk/contracts/${contractId}${anchor}` : null);

  const deliverableIds = ids(want, 'deliverable');
  if (deliverableIds.length && can(viewer, 'deliverable.read')) {
    for (const d of db
      .select({ id: deliverables.id, title: deliverables.title, contractId: deliverables.contractId })
      .from(deliverables)
      .innerJoin(contracts, eq(contracts.id, deliverables.contractId))
      .where(where(inArray(deliverables.id, deliverableIds), deliverableScope(viewer)))
      .all()) {
      tables.deliverable.set(d.id, { title: d.title, contractId: d.contractId, href: onContract(d.contractId, `#deliverable-${d.id}`) });
      add('contract', d.contractId);
    }
  }

  // Everything else recorded against a contract is seen by whoever sees the contract.
  const children = [
    [milestones, 'milestone'],
    [payments, 'payment'],
    [amendments, 'amendment'],
    [evaluations, 'evaluation'],
  ] as const;
  for (const [table, kind] of children) {
    const wanted = ids(want, kind);
    if (!wanted.length || !contractRead) continue;
    const rows = db.select().from(table).innerJoin(contracts, eq(contracts.id, table.contractId)).where(where(inArray(table.id, wanted), contractScope(viewer))).all();
    for (const row of rows) {
      const r = (row as Record<string, unknown>)[tableKey[kind]] as { id: number; contractId: number } & Record<string, unknown>;
      add('contract', r.contractId);
      const href = onContract(r.contractId);
      if (kind === 'milestone') tables.milestone.set(r.id, { title: String(r.title), contractId: r.contractId, href });
      if (kind === 'payment') tables.payment.set(r.id, { amountFen: Number(r.amountFen), paidOn: String(r.paidOn), contractId: r.contractId, href });
      if (kind === 'amendment') tables.amendment.set(r.id, { contractId: r.contractId, href });
      if (kind === 'evaluation') tables.evaluation.set(r.id, { periodStart: String(r.periodStart), periodEnd: String(r.periodEnd), contractId: r.contractId, href });
    }
  }

  const contractIds = ids(want, 'contract');
  if (contractIds.length && contractRead) {
    for (const c of db
      .select({ id: contracts.id, reference: contracts.reference, titleZh: matters.titleZh, titleEn: matters.titleEn })
      .from(contracts)
      .innerJoin(matters, eq(matters.id, contracts.matterId))
      .where(where(inArray(contracts.id, contractIds), contractScope(viewer)))
      .all()) {
      tables.contract.set(c.id, { reference: c.reference, titleZh: c.titleZh, titleEn: c.titleEn, href: onContract(c.id) });
    }
  }

  const matterIds = ids(want, 'matter');
  if (matterIds.length && can(viewer, 'matter.read')) {
    for (const m of db.select({ id: matters.id, code: matters.code, titleZh: matters.titleZh, titleEn: matters.titleEn }).from(matters).where(where(inArray(matters.id, matterIds), matterScope(viewer))).all()) {
      tables.matter.set(m.id, { code: m.code, titleZh: m.titleZh, titleEn: m.titleEn, href: `/desk/matters/${m.id}` });
    }
  }

  const contractorIds = ids(want, 'contractor');
  if (contractorIds.length) {
    const mayOpen = can(viewer, 'contractor.read');
    for (const c of db.select({ id: contractors.id, nameZh: contractors.nameZh, nameEn: contractors.nameEn }).from(contractors).where(where(inArray(contractors.id, contractorIds), contractorScope(viewer))).all()) {
      tables.contractor.set(c.id, { nameZh: c.nameZh, nameEn: c.nameEn, href: mayOpen ? `/desk/contractors/${c.id}` : null });
    }
  }

  // Departments are public bodies: their names are shown to every signed-in reader; their page is the admin's.
  const departmentIds = ids(want, 'department');
  if (departmentIds.length) {
    const mayOpen = can(viewer, 'department.manage');
    for (const d of db.select({ id: departments.id, nameZh: departments.nameZh, nameEn: departments.nameEn }).from(departments).where(inArray(departments.id, departmentIds)).all()) {
      tables.department.set(d.id, { nameZh: d.nameZh, nameEn: d.nameEn, href: mayOpen ? `/admin/departments/${d.id}` : null });
    }
  }

  // People: auditors and admins see everyone; others the people of their own department or organization.
  const userIds = ids(want, 'user');
  if (userIds.length) {
    const mayOpen = can(viewer, 'user.manage');
    const seesAll = can(viewer, 'audit.read') || mayOpen;
    for (const u of db.select({ id: users.id, name: users.name, departmentId: users.departmentId, contractorId: users.contractorId }).from(users).where(inArray(users.id, userIds)).all()) {
      const sameOrganization = (viewer.departmentId !== null && u.departmentId === viewer.departmentId) || (viewer.contractorId !== null && u.contractorId === viewer.contractorId);
      if (!seesAll && !(sameOrganization && isInScope(viewer, { departmentId: u.departmentId ?? undefined, contractorId: u.contractorId ?? undefined }))) continue;
      tables.user.set(u.id, { name: u.name, href: mayOpen ? `/admin/users/${u.id}` : null });
    }
  }

  // Visitors' error reports are read by those who read the trail; the inbox is the admin's.
  const reportIds = ids(want, 'report');
  if (reportIds.length && (can(viewer, 'audit.read') || can(viewer, 'report.manage'))) {
    const mayOpen = can(viewer, 'report.manage');
    for (const r of db.select({ id: errorReports.id, recordType: errorReports.recordType, recordKey: errorReports.recordKey }).from(errorReports).where(inArray(errorReports.id, reportIds)).all()) {
      tables.report.set(r.id, { recordType: r.recordType, recordKey: r.recordKey, href: mayOpen ? '/admin/reports' : null });
    }
  }

  // Organization names as snapshotted on events (Chinese), with their English names.
  if (organizations.length) {
    for (const o of [
      ...db.select({ nameZh: departments.nameZh, nameEn: departments.nameEn }).from(departments).where(inArray(departments.nameZh, [...organizations])).all(),
      ...db.select({ nameZh: contractors.nameZh, nameEn: contractors.nameEn }).from(contractors).where(inArray(contractors.nameZh, [...organizations])).all(),
    ]) {
      tables.organizations.set(o.nameZh, o);
    }
  }
  return tables;
}

const tableKey = { milestone: 'milestones', payment: 'payments', amendment: 'amendments', evaluation: 'evaluations' } as const;

/** No rows: for a viewer whose role may not read these records at all. */
const nothing = (): SQL => sql`0`;
