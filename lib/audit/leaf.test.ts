import { describe, expect, it } from 'vitest';
import { loadDemoData } from '../demo/load-demo';
import { testDb } from '../testing/db';
import { canonicalJson, GENESIS_HASH } from './chain';
import { leafPage, type LeafItem } from './leaf';
import { createHash } from 'node:crypto';

describe('the public leaf data of the audit trail', () => {
  const db = testDb();
  loadDemoData(db);
  const items: LeafItem[] = [];
  let after = 0;
  for (;;) {
    const page = leafPage(db.$client, { after, limit: 500 });
    items.push(...page.items);
    if (page.next === null) break;
    after = page.next;
  }

  it('lists every event in order, and the links hold from genesis to the head', () => {
    expect(items.length).toBe(db.$client.prepare('select count(*) from audit_events').pluck().get());
    let prev = GENESIS_HASH;
    for (const item of items) {
      expect(item.prevHash).toBe(prev);
      prev = item.hash;
    }
  });

  it('lets an outsider recompute the hash of every published event', () => {
    const published = items.filter((i): i is Extract<LeafItem, { published: true }> => i.published);
    expect(published.length).toBeGreaterThan(100);
    for (const item of published) {
      expect(createHash('sha256').update(item.prevHash).update(canonicalJson(item.event)).digest('hex')).toBe(item.hash);
    }
  });

  it('publishes nothing personal or unpublished except by hash', () => {
    const text = JSON.stringify(items.filter((i) => i.published));
    expect(text).not.toMatch(/@/); // no email addresses
    expect(text).not.toMatch(/1770577\d{4}/); // no phone numbers
    expect(text).not.toMatch(/argon2/);
    const published = items.flatMap((i) => (i.published ? [i.event as { action: string; entityType: string; entityId: string }] : []));
    const actions = new Set(published.map((e) => e.action));
    for (const hidden of ['auth.signed_in', 'user.created', 'contractor.created', 'deliverable.submitted', 'deliverable.returned']) expect(actions.has(hidden), hidden).toBe(false);
    const draftIds = db.$client.prepare(`select id from contracts where status in ('draft', 'pending_approval', 'cancelled')`).pluck().all().map(String);
    const leaked = published.filter((e) => e.entityType === 'contract' && draftIds.includes(e.entityId));
    expect(leaked).toEqual([]);
  });
});
