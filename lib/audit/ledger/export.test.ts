import { describe, expect, it } from 'vitest';
import { buildFixture } from '../../testing/fixture';
import { auditFilterQuery, iterateAuditEvents } from '../queries';
import { readableAuditEvents } from './export';

describe('the audit export’s readable columns', () => {
  const f = buildFixture();

  it('exports the same events as the raw trail, each with its reading', () => {
    for (const q of [{}, { action: 'contract.approved' }, { before: '5' }, { record: `contract:${f.activeA.id}` }]) {
      const filter = auditFilterQuery.parse(q);
      const raw = [...iterateAuditEvents(f.db, f.actors.auditor, filter)].map((e) => e.seq);
      const readable = [...readableAuditEvents(f.db, f.actors.auditor, filter, 'en')];
      expect(readable.map((e) => e.seq), JSON.stringify(q)).toEqual(raw);
    }
  });

  it('reads an approval in either language, without codes', () => {
    const filter = auditFilterQuery.parse({ action: 'contract.approved', record: `contract:${f.activeA.id}` });
    const [en] = [...readableAuditEvents(f.db, f.actors.auditor, filter, 'en')];
    expect(en).toMatchObject({ action: 'contract.approved', readableAction: 'Contract approved', readableChanges: 'Status: Pending approval → Active' });
    expect(en!.readableActor).toBe('approver.a (Approver, Bureau A)');
    expect(en!.readableRecord).toMatch(/^Contract LG-\S+ Pollution inspection$/);
    const [zh] = [...readableAuditEvents(f.db, f.actors.auditor, filter, 'zh-CN')];
    expect(zh).toMatchObject({ readableAction: '批准合同', readableActor: 'approver.a（审批人，甲局）' });
    expect(zh!.readableChanges).toMatch(/^状态：待审批 → /);
  });
});
