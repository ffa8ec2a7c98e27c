import type { ReportedRecordType } from '../../domain/enums';

// The records an audit event can name, and what the ledger needs to know about each to name it. The lookup
// (lookup.ts) fills these from the database for the records the viewer may see; the presenter (present.ts)
// turns them into names in the viewer's language.

export const recordKinds = ['contract', 'contractor', 'matter', 'department', 'user', 'deliverable', 'milestone', 'payment', 'amendment', 'evaluation', 'attachment', 'report'] as const;
export type RecordKind = (typeof recordKinds)[number];

export type RecordInfo = {
  contract: { reference: string; titleZh: string; titleEn: string };
  contractor: { nameZh: string; nameEn: string };
  matter: { code: string; titleZh: string; titleEn: string };
  department: { nameZh: string; nameEn: string };
  user: { name: string };
  deliverable: { title: string; contractId: number };
  milestone: { title: string; contractId: number };
  payment: { amountFen: number; paidOn: string; contractId: number };
  amendment: { contractId: number };
  evaluation: { periodStart: string; periodEnd: string; contractId: number };
  attachment: { fileName: string; deliverableId: number | null; contractorId: number | null };
  report: { recordType: ReportedRecordType; recordKey: string };
};

/** A record the viewer may see: what names it, and where it is shown to them (null: nowhere they may go). */
export type KnownRecord<K extends RecordKind> = RecordInfo[K] & { href: string | null };

/**
 * The records named by a page of events, as far as the viewer may see them. A record the viewer may not
 * see (or that no longer exists) is simply absent: the presenter then shows neither its name nor a link.
 */
export interface LedgerLookup {
  find<K extends RecordKind>(kind: K, id: number): KnownRecord<K> | undefined;
  /** An organization's name as the event snapshotted it (Chinese), with its English name where the registry has one. */
  organization(snapshot: string): { nameZh: string; nameEn: string } | undefined;
}

export type LookupTables = { [K in RecordKind]: Map<number, KnownRecord<K>> } & { organizations: Map<string, { nameZh: string; nameEn: string }> };

export const emptyTables = (): LookupTables => ({
  ...(Object.fromEntries(recordKinds.map((k) => [k, new Map()])) as { [K in RecordKind]: Map<number, KnownRecord<K>> }),
  organizations: new Map(),
});

export function lookupOf(tables: LookupTables): LedgerLookup {
  return {
    find: (kind, id) => tables[kind].get(id) as never,
    organization: (snapshot) => tables.organizations.get(snapshot),
  };
}

/** Fields of event data that name another record, and which kind of record. */
export const referenceFields: Record<string, RecordKind> = {
  contractId: 'contract',
  renewalOfId: 'contract',
  matterId: 'matter',
  contractorId: 'contractor',
  departmentId: 'department',
  userId: 'user',
  draftedBy: 'user',
  milestoneId: 'milestone',
  deliverableId: 'deliverable',
  supersedesId: 'deliverable',
};

/** A reference to one record, as a filter value: `contract:9`. */
export type RecordRef = { kind: RecordKind; id: number };
