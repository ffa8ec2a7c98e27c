import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '../../../messages/en.json';
import zh from '../../../messages/zh-CN.json';
import { addAttachmentInTx } from '../../attachments/service';
import { writeTransaction } from '../../../db/client';
import { buildFixture } from '../../testing/fixture';
import type { Actor } from '../../auth/actor';
import { auditFilterQuery, listAuditEvents } from '../queries';
import { loadLedgerLookup } from './lookup';
import { entryTexts, presentAuditEvent, type StoredEvent, type Translate } from './present';
import { findRecords } from './record-picker';

const f = buildFixture();
writeTransaction(f.db, (tx) => addAttachmentInTx(tx, f.actors.contractorX, f.deliverableA.id, { fileName: '巡查照片.pdf', mediaType: 'application/pdf', sizeBytes: 1000, sha256: 'b'.repeat(64) }));
const reference = f.db.$client.prepare('select reference from contracts where id = ?').pluck().get(f.activeA.id) as string;

/** Contract A's events with those of its parts, as the auditor's record filter finds them. */
const contractAEvents = () => listAuditEvents(f.db, f.actors.auditor, auditFilterQuery.parse({ record: `contract:${f.activeA.id}` }), 500).items;

const present = (viewer: Actor, events: StoredEvent[], locale: 'zh-CN' | 'en') => {
  const t = createTranslator({ locale, messages: locale === 'en' ? en : zh }) as unknown as Translate;
  const lookup = loadLedgerLookup(f.db, viewer, events);
  return events.map((e) => presentAuditEvent(e, { t, locale, lookup }));
};

describe('the record filter', () => {
  it('finds a contract’s own events and those of its milestones, deliverables and attachments', () => {
    const actions = contractAEvents().map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['contract.drafted', 'contract.submitted', 'contract.approved', 'milestone.created', 'deliverable.submitted', 'attachment.added']));
    // Nothing of the other contracts.
    const other = listAuditEvents(f.db, f.actors.auditor, auditFilterQuery.parse({ record: `contract:${f.activeB.id}` }), 500).items;
    expect(other.some((e) => e.entityType === 'deliverable' && e.entityId === String(f.deliverableA.id))).toBe(false);
    expect(other.map((e) => e.action)).toContain('deliverable.submitted');
  });

  it('drops a malformed record key instead of failing', () => {
    for (const bad of ['contract', 'contract:x', 'payment:1', 'contract:1 or 1=1', 'contract:0']) expect(auditFilterQuery.parse({ record: bad }).record).toBeUndefined();
  });

  it('picks a record by its reference or name, in the viewer’s scope', () => {
    expect(findRecords(f.db, f.actors.auditor, reference.toLowerCase())).toEqual([{ kind: 'contract', id: f.activeA.id }]);
    expect(findRecords(f.db, f.actors.auditor, 'X Co.')).toEqual([{ kind: 'contractor', id: f.contractorX.id }]);
    expect(findRecords(f.db, f.actors.auditor, '乙局')).toEqual([{ kind: 'department', id: f.deptB.id }]);
    expect(findRecords(f.db, f.actors.officerB, reference)).not.toContainEqual({ kind: 'contract', id: f.activeA.id });
    expect(findRecords(f.db, f.actors.auditor, '')).toEqual([]);
  });
});

describe('the ledger’s names and links follow the viewer’s scope', () => {
  it('shows the auditor every record by name with a link', () => {
    const entries = present(f.actors.auditor, contractAEvents(), 'en');
    const approved = entries.find((e) => e.action === 'Contract approved')!;
    expect(approved.subject).toMatchObject({ kind: 'Contract', text: `${reference} Pollution inspection`, href: `/desk/contracts/${f.activeA.id}` });
    expect(approved.actor.role).toBe('Approver');
    const attachment = entries.find((e) => e.action === 'Attachment added')!;
    expect(attachment.subject.text).toBe('巡查照片.pdf');
    expect(attachment.within.map((w) => w.text)).toEqual(['一季度报告', `${reference} Pollution inspection`]);
  });

  it('gives an officer of another department no name, link or data of an out-of-scope record', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const entries = present(f.actors.officerB, contractAEvents(), locale);
      for (const entry of entries) {
        expect(entry.subject.hidden).toBe(true);
        expect(entry.subject.href).toBeNull();
        expect(entry.details).toEqual([]);
        expect(entry.actor.org).toBeNull();
        const shown = entryTexts(entry).join(' ');
        for (const secret of [reference, '污染源巡查', 'Pollution inspection', '甲公司', 'X Co.', '一季度报告', '巡查照片']) expect(shown).not.toContain(secret);
      }
    }
  });

  it('gives the department’s own officer names and links', () => {
    const entries = present(f.actors.officerA, contractAEvents(), 'zh-CN');
    expect(entries.every((e) => !e.subject.hidden)).toBe(true);
    expect(entries.find((e) => e.action === '批准合同')!.subject.href).toBe(`/desk/contracts/${f.activeA.id}`);
    // The drafted contract's contractor by name, linked to the register officers read.
    const drafted = entries.find((e) => e.action === '起草合同')!;
    expect(drafted.details.find((d) => d.label === '承接主体')).toMatchObject({ value: { text: '甲公司', href: `/desk/contractors/${f.contractorX.id}` } });
  });
});
