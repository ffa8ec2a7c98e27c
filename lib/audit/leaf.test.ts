import { describe, expect, it } from 'vitest';
import { buildActor } from '../auth/actor';
import { transitionContract } from '../contracts/service';
import { loadDemoData } from '../demo/load-demo';
import { buildFixture } from '../testing/fixture';
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

  const published = items.filter((i): i is Extract<LeafItem, { published: true }> => i.published);

  it('lets an outsider recompute the hash of every event shown whole, and names what it withheld from the others', () => {
    const whole = published.filter((i) => i.withheld.length === 0);
    expect(whole.length).toBeGreaterThan(50);
    for (const item of whole) {
      expect(createHash('sha256').update(item.prevHash).update(canonicalJson(item.event)).digest('hex')).toBe(item.hash);
    }
    for (const item of published.filter((i) => i.withheld.length > 0)) {
      for (const p of item.withheld) expect(p.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], item.event), `${item.seq} ${p}`).toBeUndefined();
      // Shown with something left out, the event no longer matches its hash: the links still hold it in place.
      expect(createHash('sha256').update(item.prevHash).update(canonicalJson(item.event)).digest('hex')).not.toBe(item.hash);
    }
  });

  it('shows people by role and organization, never by name or user id, and no review or evaluation comments', () => {
    const personal = published.filter((i) => (i.event.actor as { role: string }).role !== 'system');
    expect(personal.length).toBeGreaterThan(100);
    for (const item of personal) {
      expect(Object.keys(item.event.actor as object).sort(), String(item.seq)).toEqual(['org', 'role']);
      expect(item.withheld).toEqual(expect.arrayContaining(['actor.id', 'actor.name']));
    }
    const names = db.$client
      .prepare(`select name from users union select actor_name from audit_events where actor_role not in ('system', 'public')`)
      .pluck()
      .all() as string[];
    expect(names.length).toBeGreaterThan(5);
    const text = JSON.stringify(published);
    for (const name of names) expect(text.includes(JSON.stringify(name)), name).toBe(false);
    // Comments are in the trail (the sample data has them) but not in the feed.
    const commented = db.$client.prepare(`select count(*) from audit_events where data like '%"comment":%'`).pluck().get() as number;
    expect(commented).toBeGreaterThan(0);
    expect(text).not.toContain('"comment"');
    expect(text).not.toContain('"draftedBy"');
    const evaluations = published.filter((i) => i.event.action === 'evaluation.recorded');
    expect(evaluations.length).toBeGreaterThan(0);
    for (const e of evaluations) expect(e.withheld).toContain('data.after.comment');
  });

  it('publishes nothing personal or unpublished except by hash', () => {
    const text = JSON.stringify(published);
    expect(text).not.toMatch(/@/); // no email addresses
    expect(text).not.toMatch(/1770577\d{4}/); // no phone numbers
    expect(text).not.toMatch(/argon2/);
    const events = published.map((i) => i.event as { action: string; entityType: string; entityId: string });
    const actions = new Set(events.map((e) => e.action));
    for (const hidden of ['auth.signed_in', 'user.created', 'contractor.created', 'deliverable.submitted', 'deliverable.returned']) expect(actions.has(hidden), hidden).toBe(false);
    const draftIds = db.$client.prepare(`select id from contracts where status in ('draft', 'pending_approval', 'cancelled')`).pluck().all().map(String);
    const leaked = events.filter((e) => e.entityType === 'contract' && draftIds.includes(e.entityId));
    expect(leaked).toEqual([]);
  });

  it('shows a staff event made through a request with the request withheld, never its address or user agent', () => {
    const f = buildFixture();
    const officer = buildActor(f.actors.officerA, { address: '203.0.113.9', userAgent: 'Firefox/140 leaf-test' });
    transitionContract(f.db, officer, { contractId: f.activeA.id, transition: 'suspend', reason: '整改' });
    const seq = f.db.$client.prepare(`select max(seq) from audit_events`).pluck().get() as number;
    const item = leafPage(f.db.$client, { after: seq - 1, limit: 1 }).items[0]!;
    expect(item.published).toBe(true);
    if (!item.published) return;
    expect(item.event.action).toBe('contract.suspended');
    expect(item.withheld).toContain('requestMeta');
    expect(item.event).not.toHaveProperty('requestMeta');
    expect(JSON.stringify(item)).not.toMatch(/203\.0\.113\.9|leaf-test/);
  });
});
