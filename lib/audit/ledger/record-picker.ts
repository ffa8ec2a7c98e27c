import 'server-only';
import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { contractors, contracts, departments, matters, users } from '../../../db/schema';
import type { Actor } from '../../auth/actor';
import { can } from '../../auth/permissions';
import { contractorScope, contractScope, matterScope } from '../../auth/scope';
import type { FilterableKind } from './record-filter';

// The record picker of the ledger, without JavaScript: the reader types a contract reference, a matter code or
// a name (the browser offers the known ones from a <datalist>); the server finds the records that match, in
// the reader's scope. One match is shown at once; several are offered as links.

export type PickedRecord = { kind: FilterableKind; id: number };

const MAX = 20;
const likeOf = (text: string) => `%${text.replaceAll('\\', '').replaceAll('%', '').replaceAll('_', '')}%`;

/** Records whose reference, code or name matches the text; an exact reference or code wins outright. */
export function findRecords(db: Db, viewer: Actor, input: string): PickedRecord[] {
  const text = input.trim().slice(0, 200);
  if (!text) return [];
  const exact = text.toUpperCase();
  if (can(viewer, 'contract.read')) {
    const c = db.select({ id: contracts.id }).from(contracts).where(and(eq(contracts.reference, exact), contractScope(viewer))).get();
    if (c) return [{ kind: 'contract', id: c.id }];
  }
  if (can(viewer, 'matter.read')) {
    const m = db.select({ id: matters.id }).from(matters).where(and(eq(matters.code, exact), matterScope(viewer))).get();
    if (m) return [{ kind: 'matter', id: m.id }];
  }
  if (can(viewer, 'contractor.read')) {
    const c = db.select({ id: contractors.id }).from(contractors).where(and(eq(contractors.creditCode, exact), contractorScope(viewer))).get();
    if (c) return [{ kind: 'contractor', id: c.id }];
  }
  const like = likeOf(text);
  const found: PickedRecord[] = [];
  const exactName: PickedRecord[] = [];
  if (can(viewer, 'contract.read')) {
    for (const c of db.select({ id: contracts.id }).from(contracts).where(and(sql`${contracts.reference} like ${like}`, contractScope(viewer))).orderBy(asc(contracts.reference)).limit(MAX).all()) found.push({ kind: 'contract', id: c.id });
  }
  if (can(viewer, 'matter.read')) {
    for (const m of db
      .select({ id: matters.id, titleZh: matters.titleZh, titleEn: matters.titleEn })
      .from(matters)
      .where(and(or(sql`${matters.code} like ${like}`, sql`${matters.titleZh} like ${like}`, sql`${matters.titleEn} like ${like}`), matterScope(viewer)))
      .orderBy(asc(matters.code))
      .limit(MAX)
      .all()) {
      found.push({ kind: 'matter', id: m.id });
      if (m.titleZh === text || m.titleEn.toLowerCase() === text.toLowerCase()) exactName.push({ kind: 'matter', id: m.id });
    }
  }
  if (can(viewer, 'contractor.read')) {
    for (const c of db
      .select({ id: contractors.id, nameZh: contractors.nameZh, nameEn: contractors.nameEn })
      .from(contractors)
      .where(and(or(sql`${contractors.nameZh} like ${like}`, sql`${contractors.nameEn} like ${like}`, sql`${contractors.creditCode} like ${like}`), contractorScope(viewer)))
      .orderBy(asc(contractors.nameZh))
      .limit(MAX)
      .all()) {
      found.push({ kind: 'contractor', id: c.id });
      if (c.nameZh === text || c.nameEn.toLowerCase() === text.toLowerCase()) exactName.push({ kind: 'contractor', id: c.id });
    }
  }
  for (const d of db
    .select({ id: departments.id, nameZh: departments.nameZh, nameEn: departments.nameEn })
    .from(departments)
    .where(or(sql`${departments.code} like ${like}`, sql`${departments.nameZh} like ${like}`, sql`${departments.nameEn} like ${like}`))
    .orderBy(asc(departments.code))
    .limit(MAX)
    .all()) {
    found.push({ kind: 'department', id: d.id });
    if (d.nameZh === text || d.nameEn.toLowerCase() === text.toLowerCase()) exactName.push({ kind: 'department', id: d.id });
  }
  // People by name: only for those who read the whole trail (auditors, admins).
  if (can(viewer, 'audit.read')) {
    for (const u of db.select({ id: users.id, name: users.name }).from(users).where(sql`${users.name} like ${like}`).orderBy(asc(users.name)).limit(MAX).all()) {
      found.push({ kind: 'user', id: u.id });
      if (u.name === text) exactName.push({ kind: 'user', id: u.id });
    }
  }
  if (exactName.length === 1) return exactName;
  return found.slice(0, MAX);
}

/** What the picker's <datalist> offers: contract references, matter codes and the names of contractors and departments. */
export function recordSuggestions(db: Db, viewer: Actor, locale: string): { value: string; label: string }[] {
  const en = locale === 'en';
  const out: { value: string; label: string }[] = [];
  if (can(viewer, 'contract.read')) {
    for (const c of db
      .select({ reference: contracts.reference, titleZh: matters.titleZh, titleEn: matters.titleEn })
      .from(contracts)
      .innerJoin(matters, eq(matters.id, contracts.matterId))
      .where(contractScope(viewer))
      .orderBy(asc(contracts.reference))
      .limit(2000)
      .all()) {
      out.push({ value: c.reference, label: en ? c.titleEn : c.titleZh });
    }
  }
  if (can(viewer, 'matter.read')) {
    for (const m of db.select({ code: matters.code, titleZh: matters.titleZh, titleEn: matters.titleEn }).from(matters).where(matterScope(viewer)).orderBy(asc(matters.code)).limit(2000).all()) out.push({ value: m.code, label: en ? m.titleEn : m.titleZh });
  }
  if (can(viewer, 'contractor.read')) {
    for (const c of db.select({ nameZh: contractors.nameZh, nameEn: contractors.nameEn }).from(contractors).where(contractorScope(viewer)).orderBy(asc(contractors.nameZh)).limit(2000).all()) {
      out.push(en ? { value: c.nameEn, label: c.nameZh } : { value: c.nameZh, label: c.nameEn });
    }
  }
  for (const d of db.select({ nameZh: departments.nameZh, nameEn: departments.nameEn }).from(departments).orderBy(asc(departments.code)).all()) out.push(en ? { value: d.nameEn, label: d.nameZh } : { value: d.nameZh, label: d.nameEn });
  return out;
}
