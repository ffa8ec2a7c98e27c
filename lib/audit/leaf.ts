import 'server-only';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { ChainedEvent } from './chain';

/**
 * The trail for outsiders. Every event appears, in order, with its hash and the previous hash, so the
 * chain's links can be checked end to end; an event about published records, by staff, with nothing
 * personal in it, also carries its full content, so its hash can be recomputed
 * (hash = SHA-256(prevHash ‖ RFC 8785 JSON of `event`)). Everything else is published by hash only.
 */
export const leafQuery = z.object({
  after: z.coerce.number().int().min(0).catch(0),
  limit: z.coerce.number().int().min(1).max(500).catch(100),
});

type Row = ChainedEvent & { prevHash: string; hash: string };

export type LeafItem =
  | { seq: number; prevHash: string; hash: string; published: true; event: Record<string, unknown> }
  | { seq: number; prevHash: string; hash: string; published: false };

const PUBLISHED_CONTRACT = `status in ('active', 'suspended', 'completed', 'terminated')`;

/** Whether the record an event is about is public now (drafts, pending and cancelled contracts are not). */
function recordIsPublic(sqlite: Database.Database, row: Row): boolean {
  const id = Number(row.entityId);
  const one = (sql: string) => sqlite.prepare(sql).get(id) !== undefined;
  switch (row.entityType) {
    case 'department':
      return true;
    case 'catalogue':
      return row.action === 'catalogue.imported';
    case 'matter':
      return one(`select 1 from matters where id = ? and catalogue_status <> 'draft'`);
    case 'contractor':
      // Registration carries the legal representative and contact markers; verification changes do not.
      return row.action === 'contractor.verification_changed';
    case 'contract':
      return one(`select 1 from contracts where id = ? and ${PUBLISHED_CONTRACT}`);
    case 'milestone':
      return one(`select 1 from milestones m join contracts c on c.id = m.contract_id where m.id = ? and c.${PUBLISHED_CONTRACT}`);
    case 'payment':
      return one(`select 1 from payments p join contracts c on c.id = p.contract_id where p.id = ? and c.${PUBLISHED_CONTRACT}`);
    case 'evaluation':
      return one(`select 1 from evaluations e join contracts c on c.id = e.contract_id where e.id = ? and c.${PUBLISHED_CONTRACT}`);
    case 'amendment':
      return one(`select 1 from amendments a join contracts c on c.id = a.contract_id where a.id = ? and a.status = 'approved' and c.${PUBLISHED_CONTRACT}`);
    case 'deliverable':
      return row.action === 'deliverable.accepted' && one(`select 1 from deliverables d join contracts c on c.id = d.contract_id where d.id = ? and d.status = 'accepted' and c.${PUBLISHED_CONTRACT}`);
    default:
      return false;
  }
}

export function isPublishable(sqlite: Database.Database, row: Row): boolean {
  if (row.requestMeta !== null) return false;
  if (row.actorRole === 'contractor' || row.actorRole === 'public' || row.actorRole === 'evaluator') return false;
  if (row.action.startsWith('auth.') || row.action.startsWith('user.') || row.action.startsWith('attachment.')) return false;
  return recordIsPublic(sqlite, row);
}

export function leafPage(sqlite: Database.Database, query: z.infer<typeof leafQuery>): { items: LeafItem[]; next: number | null } {
  const rows = sqlite
    .prepare(
      `select seq, occurred_at as occurredAt, actor_id as actorId, actor_name as actorName, actor_role as actorRole, actor_org as actorOrg,
              action, entity_type as entityType, entity_id as entityId, department_id as departmentId, data, request_meta as requestMeta,
              prev_hash as prevHash, hash
       from audit_events where seq > ? order by seq limit ?`,
    )
    .all(query.after, query.limit + 1) as Row[];
  const page = rows.slice(0, query.limit);
  const items = page.map((r): LeafItem => {
    if (!isPublishable(sqlite, r)) return { seq: r.seq, prevHash: r.prevHash, hash: r.hash, published: false };
    return {
      seq: r.seq,
      prevHash: r.prevHash,
      hash: r.hash,
      published: true,
      event: {
        seq: r.seq,
        occurredAt: r.occurredAt,
        actor: { id: r.actorId, name: r.actorName, role: r.actorRole, org: r.actorOrg },
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        departmentId: r.departmentId,
        data: JSON.parse(r.data),
        requestMeta: null,
      },
    };
  });
  return { items, next: rows.length > query.limit ? page.at(-1)!.seq : null };
}
