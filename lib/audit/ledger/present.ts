import { formatDateTime, formatFen, formatNumber } from '../../format';
import { parseStoredAuditEvent, type AuditEventData } from '../events';
import { referenceFields, type KnownRecord, type LedgerLookup, type RecordKind, type RecordRef } from './records';

// One audit event as a line of a ledger, in the viewer's language: who (name, role, organization), when
// (Beijing time), what (the action's label), which record (its name, linked where the viewer may go), and what
// changed (labels for fields, statuses, kinds, yes/no; money in yuan; dates; other records by name). Pure: the
// caller brings the messages (Translate) and the records the viewer may see (LedgerLookup).

/** A translator over the whole message catalogue (next-intl's root `getTranslations()` or `createTranslator`). */
export type Translate = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

/** A piece of text, linked where the viewer may follow it. `lang` marks a Chinese name shown on an English page. */
export type LedgerText = { text: string; href: string | null; lang?: 'zh-CN' };

/** A record as an entry names it: its kind, and its name unless the viewer may not see it (`hidden`). */
export type LedgerRef = LedgerText & { kind: string; hidden: boolean };

export type LedgerDetail = { label: string; value: LedgerText } | { label: string; before: LedgerText; after: LedgerText };

export type LedgerEntry = {
  seq: number;
  occurredAt: string;
  /** When, in Beijing time, in the viewer's locale. */
  time: string;
  actor: { name: LedgerText; role: string; org: LedgerText | null };
  action: string;
  subject: LedgerRef;
  /** The records the subject belongs to (a payment's contract; an attachment's deliverable and contract). */
  within: LedgerRef[];
  details: LedgerDetail[];
};

/** The columns of a stored event the ledger reads. */
export type StoredEvent = {
  seq: number;
  occurredAt: string;
  actorId?: number | null;
  actorName: string;
  actorRole: string;
  actorOrg: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: string;
};

export type LedgerContext = { t: Translate; locale: string; lookup: LedgerLookup };

/** What an event is about: a record, the catalogue as a whole, or an account known only by the email typed at sign-in. */
type Subject = RecordRef | { kind: 'catalogue'; source: string } | { kind: 'account'; email: string };

const numericId = (s: string) => (/^\d+$/.test(s) ? Number(s) : null);

/** The record an event is about, from its action and data (an attachment is named by the file, not its owner). */
export function subjectOf(event: Pick<StoredEvent, 'entityType' | 'entityId'>, parsed: AuditEventData | null): Subject | null {
  if (parsed?.action === 'attachment.added') return { kind: 'attachment', id: parsed.data.after.attachmentId };
  if (parsed?.action === 'catalogue.imported') return { kind: 'catalogue', source: parsed.data.source };
  const id = numericId(event.entityId);
  if (event.entityType === 'user' && id === null && parsed && 'email' in parsed.data) return { kind: 'account', email: parsed.data.email };
  if (id === null || !isRecordKind(event.entityType)) return null;
  return { kind: event.entityType, id };
}

const kindsWithNames = new Set<string>(['contract', 'contractor', 'matter', 'department', 'user', 'deliverable', 'milestone', 'payment', 'amendment', 'evaluation', 'attachment', 'report']);
const isRecordKind = (s: string): s is RecordKind => kindsWithNames.has(s);

/** Every record an event names (its subject and the records its data refers to), for the lookup to load. */
export function recordsNamedBy(event: StoredEvent): RecordRef[] {
  const parsed = parseStoredAuditEvent(event.action, event.data);
  const refs: RecordRef[] = [];
  const subject = subjectOf(event, parsed);
  if (subject && subject.kind !== 'catalogue' && subject.kind !== 'account') refs.push(subject);
  if (event.actorId) refs.push({ kind: 'user', id: event.actorId });
  if (!parsed) return refs;
  const data = parsed.data as Record<string, unknown>;
  const fields: Record<string, unknown>[] = [];
  if (isObject(data.after)) fields.push(data.after);
  if (isObject(data.before)) fields.push(data.before);
  for (const f of fields) for (const [k, v] of Object.entries(f)) if (referenceFields[k] && typeof v === 'number') refs.push({ kind: referenceFields[k], id: v });
  if (isObject(data.changes)) for (const [k, c] of Object.entries(data.changes)) if (referenceFields[k] && isObject(c)) for (const v of [c.before, c.after]) if (typeof v === 'number') refs.push({ kind: referenceFields[k], id: v });
  return refs;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Names given to system actors (scripts, the sample data loader) and to the public, translated. */
const systemActorKeys: Record<string, string> = {
  system: 'system',
  'sample data loader': 'sampleData',
  fixture: 'testData',
  'recount test': 'testData',
  'command line (import)': 'importScript',
  'command line (user:create)': 'userScript',
  anonymous: 'anonymous',
  public: 'public',
};

/** Which message holds the label of each entity's statuses. */
const statusLabels: Record<string, string> = {
  contract: 'contractStatus',
  matter: 'catalogueStatus',
  contractor: 'verification',
  amendment: 'contract.amendmentStatus',
  milestone: 'milestone.status',
  deliverable: 'contract.deliverableStatus',
  report: 'reportInbox',
};

/** Which message holds the label of an enum-valued field's values (`kind` depends on the record). */
const enumLabels: Record<string, string> = {
  category: 'category',
  catalogueStatus: 'catalogueStatus',
  verificationStatus: 'verification',
  role: 'staff.roles',
  type: 'milestone.type',
  evaluatorKind: 'contract.evaluatorKind',
  grade: 'contract.grade',
  ownerType: 'ledger.owners',
  recordType: 'report.types',
  method: 'ledger.methods',
  unit: 'results.units',
  direction: 'results.directions',
};
const kindLabels: Record<string, string> = { department: 'departments.kind', contractor: 'contractorKindOne', matter: 'results.kinds' };
/** Lists of indicators with a value each (lib/results), shown by the indicator's name and unit, never its code. */
const indicatorListFields = new Set(['targets', 'previousTargets', 'newTargets', 'results']);

const moneyFields = new Set(['annualBudgetFen', 'valueFen', 'previousValueFen', 'newValueFen', 'amountFen']);
const booleanFields = new Set(['noSubcontractDeclared', 'hasPassword']);
const timestampFields = new Set(['statusChangedAt']);
const contactFields = new Set(['contactPhone', 'contactEmail']);
const numberMapFields = new Set(['indicators', 'scores']);
/** Technical fields the hash chain keeps but a reader does not need (the file's hash, its media type, internal ids shown elsewhere). */
const unshownFields = new Set(['attachmentId', 'sha256', 'mediaType']);

/** Names records for the viewer: by kind and name, with the link the lookup allows, or "outside your scope". */
export function recordNamer(ctx: LedgerContext) {
  const { t, locale } = ctx;
  const en = locale === 'en';
  const name = (zh: string, enName: string): Pick<LedgerText, 'text' | 'lang'> => (en && enName.trim() ? { text: enName } : en ? { text: zh, lang: 'zh-CN' } : { text: zh });

  const kindLabel = (kind: string) => t(`ledger.kinds.${kind}`);

  /** A record by name with its link, or "a record outside your scope". */
  const ref = (kind: RecordKind, id: number): LedgerRef => {
    const known = ctx.lookup.find(kind, id);
    if (!known) return { kind: kindLabel(kind), text: t('ledger.hidden'), href: null, hidden: true };
    return { kind: kindLabel(kind), ...recordName(kind, known, id), href: known.href, hidden: false };
  };

  const recordName = <K extends RecordKind>(kind: K, r: KnownRecord<K>, number: number): Pick<LedgerText, 'text' | 'lang'> => {
    const k = kind as RecordKind;
    const any = r as unknown;
    switch (k) {
      case 'contract': {
        const c = any as unknown as KnownRecord<'contract'>;
        const title = name(c.titleZh, c.titleEn);
        return { ...title, text: `${c.reference} ${title.text}` };
      }
      case 'matter': {
        const m = any as unknown as KnownRecord<'matter'>;
        const title = name(m.titleZh, m.titleEn);
        return { ...title, text: `${m.code} ${title.text}` };
      }
      case 'contractor':
      case 'department': {
        const o = any as unknown as KnownRecord<'contractor'>;
        return name(o.nameZh, o.nameEn);
      }
      case 'user':
        return { text: (any as unknown as KnownRecord<'user'>).name };
      case 'deliverable':
      case 'milestone':
        return { text: (any as unknown as KnownRecord<'deliverable'>).title };
      case 'payment': {
        const p = any as unknown as KnownRecord<'payment'>;
        return { text: t('ledger.names.payment', { amount: formatFen(p.amountFen, locale), date: p.paidOn }) };
      }
      case 'amendment':
        return { text: t('ledger.names.amendment', { number }) };
      case 'evaluation': {
        const e = any as unknown as KnownRecord<'evaluation'>;
        return { text: t('ledger.names.evaluation', { start: e.periodStart, end: e.periodEnd }) };
      }
      case 'attachment':
        return { text: (any as unknown as KnownRecord<'attachment'>).fileName };
      case 'report': {
        const r2 = any as unknown as KnownRecord<'report'>;
        const about = `${t(`report.types.${r2.recordType}`)} ${r2.recordKey}`;
        return { text: `${t('ledger.names.report', { number })}${en ? ` (${about})` : `（${about}）`}` };
      }
    }
  };

  /** The records a record belongs to, outermost last: a payment's contract; an attachment's deliverable and contract. */
  const withinOf = (kind: RecordKind, recordId: number): LedgerRef[] => {
    const known = ctx.lookup.find(kind, recordId) as (KnownRecord<RecordKind> & { contractId?: number }) | undefined;
    if (!known) return [];
    if (kind === 'attachment') {
      const a = known as unknown as KnownRecord<'attachment'>;
      if (a.deliverableId !== null) return [ref('deliverable', a.deliverableId), ...withinOf('deliverable', a.deliverableId)];
      if (a.contractorId !== null) return [ref('contractor', a.contractorId)];
      return [];
    }
    if (kind !== 'contract' && typeof known.contractId === 'number') return [ref('contract', known.contractId)];
    return [];
  };
  return { ref, withinOf, name, kindLabel };
}

/** Presents one stored event for the viewer. Never throws: an event it cannot read shows its action and its data as stored. */
export function presentAuditEvent(event: StoredEvent, ctx: LedgerContext): LedgerEntry {
  const { t, locale } = ctx;
  const en = locale === 'en';
  const parsed = parseStoredAuditEvent(event.action, event.data);
  const text = (s: string): LedgerText => ({ text: s, href: null });
  const dash = text('—');
  const { ref, withinOf, name, kindLabel } = recordNamer(ctx);


  const label = (field: string) => (t.has(`ledger.fields.${field}`) ? t(`ledger.fields.${field}`) : field);

  /** A field's value as the reader should see it. */
  const value = (entity: string, field: string, v: unknown): LedgerText => {
    if (v === null || v === undefined || v === '') return contactFields.has(field) ? text(t('ledger.none')) : dash;
    if (referenceFields[field] && typeof v === 'number') {
      const r = ref(referenceFields[field], v);
      return { text: r.text, href: r.href, ...(r.lang ? { lang: r.lang } : {}) };
    }
    if (moneyFields.has(field) && typeof v === 'number') return text(formatFen(v, locale));
    if (booleanFields.has(field) && typeof v === 'boolean') return text(t(v ? 'ledger.yes' : 'ledger.no'));
    if (timestampFields.has(field) && typeof v === 'string') return text(formatDateTime(v, locale));
    if (contactFields.has(field)) return text(t(v === '(given)' ? 'ledger.contactGiven' : v === '(previous)' ? 'ledger.contactPrevious' : 'ledger.contactChanged'));
    if (field === 'sizeBytes' && typeof v === 'number') return text(t('ledger.bytes', { size: formatNumber(Math.max(1, Math.round(v / 1024)), locale) }));
    if (field === 'kind' && kindLabels[entity]) return enumText(kindLabels[entity], v);
    if (enumLabels[field]) return enumText(enumLabels[field], v);
    if (indicatorListFields.has(field) && Array.isArray(v)) {
      const items = v.filter(isObject).map((i) => {
        const n = en && typeof i.nameEn === 'string' && i.nameEn ? i.nameEn : String(i.nameZh ?? '');
        const amount = typeof i.target === 'number' ? i.target : typeof i.value === 'number' ? i.value : null;
        const unit = typeof i.unit === 'string' && t.has(`results.units.${i.unit}`) ? t(`results.units.${i.unit}`) : '';
        return `${n} ${amount === null ? '—' : formatNumber(amount, locale)}${unit === '%' ? '' : ' '}${unit}`.trim();
      });
      return text(items.join(en ? '; ' : '；') || t('ledger.none'));
    }
    if (numberMapFields.has(field) && isObject(v)) {
      return text(Object.entries(v).map(([k, n]) => `${k.replaceAll('_', ' ')} ${typeof n === 'number' ? formatNumber(n, locale) : String(n)}`).join(en ? '; ' : '；') || '—');
    }
    if (field === 'counts' && isObject(v)) return text(t('ledger.counts', v as Record<string, number>));
    if (typeof v === 'number') return text(formatNumber(v, locale));
    return text(typeof v === 'string' ? v : JSON.stringify(v));
  };
  const enumText = (namespace: string, v: unknown): LedgerText => {
    const key = `${namespace}.${String(v)}`;
    return text(t.has(key) ? t(key) : String(v));
  };

  const actor = {
    name: actorName(event, t),
    role: t.has(`staff.roles.${event.actorRole}`) ? t(`staff.roles.${event.actorRole}`) : event.actorRole,
    org: event.actorOrg ? orgText(event.actorOrg) : null,
  };
  function orgText(snapshot: string): LedgerText {
    const org = ctx.lookup.organization(snapshot);
    return { ...(org ? name(org.nameZh, org.nameEn) : en ? { text: snapshot, lang: 'zh-CN' as const } : { text: snapshot }), href: null };
  }
  function actorName(e: StoredEvent, tr: Translate): LedgerText {
    if ((e.actorRole === 'system' || e.actorRole === 'public') && systemActorKeys[e.actorName]) return text(tr(`ledger.systemActors.${systemActorKeys[e.actorName]}`));
    const user = e.actorId ? ctx.lookup.find('user', e.actorId) : undefined;
    return { text: e.actorName, href: user?.href ?? null };
  }

  const action = t.has(`auditActions.${event.action}`) ? t(`auditActions.${event.action}`) : event.action;
  const base = { seq: event.seq, occurredAt: event.occurredAt, time: formatDateTime(event.occurredAt, locale), actor, action };

  const subject = subjectOf(event, parsed);
  let subjectRef: LedgerRef;
  let within: LedgerRef[] = [];
  if (subject?.kind === 'catalogue') subjectRef = { kind: kindLabel('catalogue'), text: subject.source || t('ledger.names.catalogue'), href: null, hidden: false };
  else if (subject?.kind === 'account') subjectRef = { kind: kindLabel('user'), text: subject.email, href: null, hidden: false };
  else if (subject) {
    subjectRef = ref(subject.kind, subject.id);
    within = withinOf(subject.kind, subject.id);
  } else subjectRef = { kind: kindLabel('catalogue'), text: t('ledger.hidden'), href: null, hidden: true };

  // Nothing of a record the viewer may not see: no name, no link, none of its data, and of who acted on it
  // only the role, unless the viewer may see that person anyway (their organization would name the record's).
  if (subjectRef.hidden) {
    const actorSeen = event.actorId ? ctx.lookup.find('user', event.actorId) !== undefined : event.actorRole === 'system';
    return { ...base, actor: actorSeen ? actor : { name: text(t('ledger.hiddenActor')), role: actor.role, org: null }, subject: subjectRef, within, details: [] };
  }
  if (!parsed) return { ...base, subject: subjectRef, within, details: [{ label: t('ledger.details'), value: text(event.data) }] };

  const entity = event.entityType;
  const details: LedgerDetail[] = [];
  const data = parsed.data as Record<string, unknown>;
  /** Fields named already by the entry's subject or `within`. */
  const named = new Set<string>(['contractId', ...unshownFields]);
  if (parsed.action === 'attachment.added') named.add('deliverableId').add('contractorId').add('ownerType');
  if (parsed.action === 'amendment.requested' && parsed.data.after.newProcurement) {
    // A new record of how the contractor was chosen: its method here; the whole record is recorded on approval.
    named.add('newProcurement');
    details.push({ label: t('procurement.heading'), value: enumText('procurement.methods', parsed.data.after.newProcurement.method) });
  }

  if (typeof data.from === 'string' && typeof data.to === 'string') {
    const ns = statusLabels[entity] ?? '';
    details.push({ label: t('ledger.statusChange'), before: enumText(ns, data.from), after: enumText(ns, data.to) });
  }
  if (parsed.action === 'auth.signed_in' || parsed.action === 'auth.sign_in_failed' || parsed.action === 'auth.sign_in_refused') {
    const d = parsed.data;
    details.push({ label: label('email'), value: text(d.email) }, { label: label('method'), value: enumText('ledger.methods', d.method) });
    if (d.reason) details.push({ label: t('ledger.reason'), value: enumText('ledger.refusals', d.reason) });
    if (d.address) details.push({ label: label('address'), value: text(d.address) });
  } else if (parsed.action === 'auth.signed_out') {
    details.push({ label: t('ledger.reason'), value: enumText('ledger.signedOut', parsed.data.reason) });
  } else if (typeof data.reason === 'string' && data.reason) details.push({ label: t('ledger.reason'), value: text(data.reason) });
  if (typeof data.comment === 'string' && data.comment) details.push({ label: t('ledger.comment'), value: text(data.comment) });

  if (parsed.action === 'contract.procurement_recorded') {
    const p = parsed.data.after;
    const sep = en ? '; ' : '；';
    const add = (key: string, v: LedgerText) => details.push({ label: t(`procurement.${key}`), value: v });
    add('method', enumText('procurement.methods', p.method));
    if (p.singleSourceGround) add('ground', enumText('procurement.grounds', p.singleSourceGround));
    if (p.justification) add('justification', text(p.justification));
    if (p.noticeDate) add('noticeDate', text(p.noticeDate));
    if (p.bidDeadline) add('bidDeadline', text(p.bidDeadline));
    if (p.evaluationMethod) add('evaluation', enumText('procurement.evaluationMethods', p.evaluationMethod));
    if (p.numberOfTenderers !== null) add('tenderers', text(formatNumber(p.numberOfTenderers, locale)));
    if (p.tenderers.length > 0) {
      add('bidders', text(p.tenderers.map((b) => [b.name, b.bidFen === null ? '' : formatFen(b.bidFen, locale), b.awarded ? t('procurement.awarded') : ''].filter(Boolean).join(' ')).join(sep)));
    }
    add('flagsHeading', text(p.warnings.length > 0 ? p.warnings.map((w) => enumText('procurement.flags', w).text).join(sep) : t('procurement.none')));
    return { ...base, subject: subjectRef, within, details };
  }
  if (parsed.action === 'contract.targets_set') {
    details.push({ label: label('targets'), before: value(entity, 'targets', parsed.data.before), after: value(entity, 'targets', parsed.data.after) });
    return { ...base, subject: subjectRef, within, details };
  }
  if (parsed.action === 'indicator.updated' || parsed.action === 'indicator.retired') {
    details.push({ label: t('results.name'), value: { ...name(parsed.data.nameZh, parsed.data.nameEn), href: null } });
  }
  if (parsed.action === 'indicator.added' || parsed.action === 'indicator.updated' || parsed.action === 'indicator.retired') named.add('indicatorId').add('code').add('matterId');
  for (const part of [data.after, data.before]) {
    if (!isObject(part)) continue;
    for (const [field, v] of Object.entries(part)) {
      if (named.has(field)) continue;
      details.push({ label: label(field), value: value(entity, field, v) });
    }
  }
  if (isObject(data.changes)) {
    for (const [field, c] of Object.entries(data.changes)) {
      if (!isObject(c)) continue;
      details.push({ label: label(field), before: value(entity, field, c.before), after: value(entity, field, c.after) });
    }
  }
  if (parsed.action === 'catalogue.imported') {
    details.length = 0;
    details.push({ label: label('counts'), value: value(entity, 'counts', parsed.data.counts) });
  }
  return { ...base, subject: subjectRef, within, details };
}

/** Every piece of text an entry shows, for tests that look for identifiers leaking through. */
export function entryTexts(entry: LedgerEntry): string[] {
  const texts = (l: LedgerText | null) => (l ? [l.text] : []);
  return [
    entry.time,
    ...texts(entry.actor.name),
    entry.actor.role,
    ...texts(entry.actor.org),
    entry.action,
    entry.subject.kind,
    entry.subject.text,
    ...entry.within.flatMap((w) => [w.kind, w.text]),
    ...entry.details.flatMap((d) => ['value' in d ? [d.label, d.value.text] : [d.label, d.before.text, d.after.text]].flat()),
  ];
}
