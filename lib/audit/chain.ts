import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

/** The hashed content of an event, as stored (data and requestMeta are canonical JSON text). */
export type ChainedEvent = {
  seq: number;
  occurredAt: string;
  actorId: number | null;
  actorName: string;
  actorRole: string;
  actorOrg: string | null;
  action: string;
  entityType: string;
  entityId: string;
  departmentId: number | null;
  data: string;
  requestMeta: string | null;
};

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be serialized canonically');
  return text;
}

const str = JSON.stringify;

/**
 * RFC 8785 canonical JSON of the event, built by hand in sorted key order so that verification does not
 * re-parse and re-serialize every event's data (it is stored canonical already). A unit test keeps this
 * byte-identical to canonicalJson() of the parsed event.
 */
export function eventCanonicalJson(e: ChainedEvent): string {
  return (
    `{"action":${str(e.action)}` +
    `,"actor":{"id":${e.actorId === null ? 'null' : e.actorId},"name":${str(e.actorName)},"org":${e.actorOrg === null ? 'null' : str(e.actorOrg)},"role":${str(e.actorRole)}}` +
    `,"data":${e.data}` +
    `,"departmentId":${e.departmentId === null ? 'null' : e.departmentId}` +
    `,"entityId":${str(e.entityId)}` +
    `,"entityType":${str(e.entityType)}` +
    `,"occurredAt":${str(e.occurredAt)}` +
    `,"requestMeta":${e.requestMeta === null ? 'null' : e.requestMeta}` +
    `,"seq":${e.seq}}`
  );
}

/** hash = SHA-256(prev_hash ‖ canonical JSON of the event), hex. */
export function eventHash(prevHash: string, e: ChainedEvent): string {
  return createHash('sha256').update(prevHash).update(eventCanonicalJson(e)).digest('hex');
}
