import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '../../../messages/en.json';
import zh from '../../../messages/zh-CN.json';
import { canonicalJson } from '../chain';
import { auditActions, parseAuditData, type AuditAction, type AuditData } from '../events';
import { entryTexts, presentAuditEvent, recordsNamedBy, type LedgerEntry, type StoredEvent, type Translate } from './present';
import { emptyTables, lookupOf, type LookupTables } from './records';

// Every action of the trail, one realistic event each, presented in both languages. The map is typed by
// action, so a new action in lib/audit/events.ts fails to compile here until it has a sample; the test then
// fails until its presentation reads without codes.

const file = { attachmentId: 16, fileName: '一季度报告.pdf', mediaType: 'application/pdf', sizeBytes: 204_800, sha256: 'a'.repeat(64) };
const samples: { [A in AuditAction]: { entityType: string; entityId: string; data: AuditData<A> } } = {
  'department.created': { entityType: 'department', entityId: '2', data: { after: { code: 'LG-D-ENV', nameZh: '生态环境分局', nameEn: 'Ecology Bureau', kind: 'government', creditCode: '11330383MB0010014D' } } },
  'department.updated': { entityType: 'department', entityId: '2', data: { changes: { kind: { before: 'party', after: 'government' }, nameEn: { before: 'Old Bureau', after: 'Ecology Bureau' } } } },
  'matter.created': {
    entityType: 'matter',
    entityId: '5',
    data: { after: { code: 'LG-ENV-005', titleZh: '河道水质监测', titleEn: 'River monitoring', descriptionZh: '说明', descriptionEn: 'About', category: 'urban_management', legalBasis: '依据', serviceStandard: '标准', annualBudgetFen: 100_000_00, departmentId: 2, catalogueStatus: 'draft', withdrawalReason: null } },
  },
  'matter.updated': { entityType: 'matter', entityId: '5', data: { changes: { category: { before: 'social_services', after: 'culture_sport' }, annualBudgetFen: { before: 100, after: 200_00 } } } },
  'matter.status_changed': { entityType: 'matter', entityId: '5', data: { from: 'listed', to: 'withdrawn', reason: '职能调整' } },
  'indicator.added': {
    entityType: 'matter',
    entityId: '5',
    data: {
      after: { indicatorId: 21, matterId: 5, code: 'river_km_patrolled', nameZh: '河道巡查公里数', nameEn: 'River kilometres patrolled', unit: 'kilometres', kind: 'output_quantity', direction: 'higher', definitionZh: '按巡查轨迹计', definitionEn: 'From patrol tracks' },
      migratedResults: 2,
    },
  },
  'indicator.updated': {
    entityType: 'matter',
    entityId: '5',
    data: { indicatorId: 21, code: 'river_km_patrolled', nameZh: '河道巡查公里数', nameEn: 'River kilometres patrolled', changes: { kind: { before: 'output_quantity', after: 'effect' }, direction: { before: 'higher', after: 'lower' } } },
  },
  'indicator.retired': { entityType: 'matter', entityId: '5', data: { indicatorId: 21, code: 'river_km_patrolled', nameZh: '河道巡查公里数', nameEn: 'River kilometres patrolled' } },
  'contractor.created': {
    entityType: 'contractor',
    entityId: '3',
    data: { after: { nameZh: '龙港环保公司', nameEn: 'Longgang Green Co.', kind: 'social_organization', legalRepresentative: '张三', qualifications: '资质', creditCode: '91330383MA0000000X', verificationStatus: 'pending', statusReason: null, statusChangedAt: '2026-03-01T02:00:00.000Z', contactPhone: '(given)', contactEmail: null } },
  },
  'contractor.updated': { entityType: 'contractor', entityId: '3', data: { changes: { kind: { before: 'enterprise_institution', after: 'university' }, contactPhone: { before: '(previous)', after: '(changed)' } } } },
  'contractor.verification_changed': { entityType: 'contractor', entityId: '3', data: { from: 'verified', to: 'debarred', reason: '严重违约' } },
  'user.created': { entityType: 'user', entityId: '7', data: { after: { email: 'officer@demo.example', name: '王五', role: 'officer', departmentId: 2, contractorId: null, hasPassword: true } } },
  'user.updated': { entityType: 'user', entityId: '7', data: { changes: { role: { before: 'officer', after: 'approver' }, departmentId: { before: null, after: 2 } } } },
  'user.disabled': { entityType: 'user', entityId: '7', data: { reason: '离职' } },
  'user.enabled': { entityType: 'user', entityId: '7', data: {} },
  'user.password_reset': { entityType: 'user', entityId: '7', data: {} },
  'user.password_changed': { entityType: 'user', entityId: '7', data: {} },
  'auth.signed_in': { entityType: 'user', entityId: '7', data: { email: 'officer@demo.example', method: 'oidc', address: '203.0.113.7' } },
  'auth.sign_in_failed': { entityType: 'user', entityId: '7', data: { email: 'officer@demo.example', method: 'password', reason: 'wrong_password', address: '203.0.113.7' } },
  'auth.sign_in_refused': { entityType: 'user', entityId: 'nobody@demo.example', data: { email: 'nobody@demo.example', method: 'password', reason: 'email_not_verified' } },
  'auth.signed_out': { entityType: 'user', entityId: '7', data: { reason: 'signed_out' } },
  'catalogue.imported': { entityType: 'catalogue', entityId: 'catalogue', data: { counts: { departments: 15, matters: 83, contractors: 82 }, source: 'db/seed' } },
  'contract.drafted': {
    entityType: 'contract',
    entityId: '9',
    data: { after: { reference: 'LG-2026-0009', matterId: 5, contractorId: 3, departmentId: 2, valueFen: 787_000_00, startDate: '2026-07-01', endDate: '2027-06-30', justification: null, terms: '条款', noSubcontractDeclared: true, renewalOfId: 8, draftedBy: 7 } },
  },
  'contract.draft_edited': { entityType: 'contract', entityId: '9', data: { changes: { valueFen: { before: 120_000_00, after: 90_000_00 }, terms: { before: '旧条款', after: '新条款' } } } },
  'contract.procurement_recorded': {
    entityType: 'contract',
    entityId: '9',
    data: {
      after: {
        contractId: 9,
        method: 'open_tender',
        noticeDate: '2026-05-04',
        bidDeadline: '2026-05-20',
        evaluationMethod: 'comprehensive_scoring',
        numberOfTenderers: 1,
        singleSourceGround: null,
        justification: null,
        procurementNoticeUrl: null,
        awardNoticeUrl: null,
        tenderers: [{ contractorId: 3, name: '龙港市某协会', creditCode: null, bidFen: 787_000_00, awarded: true }],
        warnings: ['short_period', 'single_bidder'],
      },
    },
  },
  'contract.targets_set': {
    entityType: 'contract',
    entityId: '9',
    data: {
      before: [],
      after: [
        { indicatorId: 21, code: 'river_km_patrolled', nameZh: '河道巡查公里数', nameEn: 'River kilometres patrolled', unit: 'kilometres', target: 1200.5 },
        { indicatorId: 22, code: 'answered_in_24h', nameZh: '24 小时内响应投诉比例', nameEn: 'Complaints answered within 24 hours', unit: 'percent', target: 95 },
      ],
    },
  },
  'contract.updated': { entityType: 'contract', entityId: '9', data: { changes: { valueFen: { before: 787_000_00, after: 800_000_00 }, endDate: { before: '2027-06-30', after: '2027-12-31' } } } },
  'contract.submitted': { entityType: 'contract', entityId: '9', data: { from: 'draft', to: 'pending_approval' } },
  'contract.returned': { entityType: 'contract', entityId: '9', data: { from: 'pending_approval', to: 'draft', comment: '请补充' } },
  'contract.approved': { entityType: 'contract', entityId: '9', data: { from: 'pending_approval', to: 'active' } },
  'contract.cancelled': { entityType: 'contract', entityId: '9', data: { from: 'pending_approval', to: 'cancelled', reason: '不再需要' } },
  'contract.suspended': { entityType: 'contract', entityId: '9', data: { from: 'active', to: 'suspended', reason: '整改' } },
  'contract.resumed': { entityType: 'contract', entityId: '9', data: { from: 'suspended', to: 'active' } },
  'contract.completed': { entityType: 'contract', entityId: '9', data: { from: 'active', to: 'completed' } },
  'contract.terminated': { entityType: 'contract', entityId: '9', data: { from: 'suspended', to: 'terminated', reason: '违约' } },
  'amendment.requested': {
    entityType: 'amendment',
    entityId: '14',
    data: { after: { contractId: 9, rationale: '增加服务', previousValueFen: 100, newValueFen: 200, previousEndDate: '2027-06-30', newEndDate: '2027-12-31', previousTerms: '旧', newTerms: '新' } },
  },
  'amendment.approved': { entityType: 'amendment', entityId: '14', data: { from: 'pending_approval', to: 'approved' } },
  'amendment.rejected': { entityType: 'amendment', entityId: '14', data: { from: 'pending_approval', to: 'rejected', comment: '理由不足' } },
  'milestone.created': { entityType: 'milestone', entityId: '12', data: { after: { contractId: 9, title: '中期报告', type: 'reporting', dueDate: '2026-12-31' } } },
  'milestone.status_changed': { entityType: 'milestone', entityId: '12', data: { from: 'scheduled', to: 'partially_met' } },
  'deliverable.submitted': {
    entityType: 'deliverable',
    entityId: '11',
    data: { after: { contractId: 9, contractorId: 3, milestoneId: 12, title: '一季度报告', periodStart: '2026-07-01', periodEnd: '2026-09-30', description: '巡查', indicators: { inspections_done: 12 }, supersedesId: null } },
  },
  'deliverable.accepted': { entityType: 'deliverable', entityId: '11', data: { from: 'submitted', to: 'accepted' } },
  'deliverable.returned': { entityType: 'deliverable', entityId: '11', data: { from: 'submitted', to: 'returned', comment: '缺少照片' } },
  'attachment.added': { entityType: 'deliverable', entityId: '11', data: { after: { ...file, ownerType: 'deliverable', deliverableId: 11 } } },
  'payment.recorded': { entityType: 'payment', entityId: '13', data: { after: { contractId: 9, milestoneId: 12, amountFen: 236_100_00, paidOn: '2026-07-31' } } },
  'evaluation.recorded': {
    entityType: 'evaluation',
    entityId: '15',
    data: { after: { contractId: 9, evaluatorKind: 'public_satisfaction', periodStart: '2026-07-01', periodEnd: '2026-12-31', scores: { inspections_done: 88 }, overallScore: 88, grade: 'excellent', comment: '良好' } },
  },
  'evaluator.assigned': { entityType: 'contract', entityId: '9', data: { after: { contractId: 9, userId: 8 } } },
  'evaluator.unassigned': { entityType: 'contract', entityId: '9', data: { before: { contractId: 9, userId: 8 } } },
  'notification.read': { entityType: 'user', entityId: '7', data: { keys: ['event:12', 'milestone:3:2026-06-30'] } },
  'report.submitted': { entityType: 'report', entityId: '18', data: { after: { recordType: 'contract', recordKey: 'LG-2026-0009', message: '金额有误' } } },
  'report.closed': { entityType: 'report', entityId: '18', data: { from: 'open', to: 'closed', comment: '已更正' } },
};

/** Everything the samples name, visible to the viewer, with links. */
function allVisible(): LookupTables {
  const t = emptyTables();
  t.contract.set(9, { reference: 'LG-2026-0009', titleZh: '河道水质监测', titleEn: 'River monitoring', href: '/desk/contracts/9' });
  t.contract.set(8, { reference: 'LG-2025-0008', titleZh: '河道水质监测', titleEn: 'River monitoring', href: '/desk/contracts/8' });
  t.contractor.set(3, { nameZh: '龙港环保公司', nameEn: 'Longgang Green Co.', href: '/desk/contractors/3' });
  t.matter.set(5, { code: 'LG-ENV-005', titleZh: '河道水质监测', titleEn: 'River monitoring', href: '/desk/matters/5' });
  t.department.set(2, { nameZh: '生态环境分局', nameEn: 'Ecology Bureau', href: null });
  t.user.set(7, { name: '王五', href: null });
  t.user.set(8, { name: '李评估', href: null });
  t.deliverable.set(11, { title: '一季度报告', contractId: 9, href: '/desk/contracts/9#deliverable-11' });
  t.milestone.set(12, { title: '中期报告', contractId: 9, href: '/desk/contracts/9' });
  t.payment.set(13, { amountFen: 236_100_00, paidOn: '2026-07-31', contractId: 9, href: '/desk/contracts/9' });
  t.amendment.set(14, { contractId: 9, href: '/desk/contracts/9' });
  t.evaluation.set(15, { periodStart: '2026-07-01', periodEnd: '2026-12-31', contractId: 9, href: '/desk/contracts/9' });
  t.attachment.set(16, { fileName: file.fileName, deliverableId: 11, contractorId: null, href: '/api/attachments/16' });
  t.report.set(18, { recordType: 'contract', recordKey: 'LG-2026-0009', href: null });
  t.organizations.set('生态环境分局', { nameZh: '生态环境分局', nameEn: 'Ecology Bureau' });
  return t;
}

const translators: Record<string, Translate> = {
  'zh-CN': createTranslator({ locale: 'zh-CN', messages: zh }) as unknown as Translate,
  en: createTranslator({ locale: 'en', messages: en }) as unknown as Translate,
};

const stored = (action: AuditAction, actor: Partial<StoredEvent> = {}): StoredEvent => {
  const s = samples[action];
  return { seq: 1, occurredAt: '2026-07-01T02:05:00.000Z', actorId: 7, actorName: '王五', actorRole: 'officer', actorOrg: '生态环境分局', action, entityType: s.entityType, entityId: s.entityId, data: canonicalJson(s.data), ...actor };
};

const present = (event: StoredEvent, locale: string, tables = allVisible()) => presentAuditEvent(event, { t: translators[locale]!, locale, lookup: lookupOf(tables) });

/** Identifiers that must never reach a reader: snake_case, dotted names, camelCase field names. Emails, file names and addresses are data. */
function identifiersIn(entry: LedgerEntry): string[] {
  const text = entryTexts(entry)
    .join('\n')
    .replace(/\S+@\S+/g, '')
    .replace(/\S+\.pdf/g, '')
    .replace(/db\/seed/g, '');
  return [...text.matchAll(/\b[a-z]+(?:_[a-z]+)+\b|\b[a-z]+\.[a-z_]+\b|\b[a-z]+[A-Z][A-Za-z]*\b/g)].map((m) => m[0]);
}

describe('the ledger presents every audit action', () => {
  it('has a realistic sample for every action (each valid against its schema)', () => {
    expect(Object.keys(samples).sort()).toEqual([...auditActions].sort());
    for (const action of auditActions) expect(() => parseAuditData(action, samples[action].data), action).not.toThrow();
  });

  for (const locale of ['zh-CN', 'en']) {
    it(`reads every action without a code, in ${locale}`, () => {
      for (const action of auditActions) {
        const entry = present(stored(action), locale);
        expect(entry.action, action).not.toBe(action);
        expect(entry.subject.hidden, action).toBe(false);
        expect(entry.subject.text.trim(), action).not.toBe('');
        expect(identifiersIn(entry), `${action}: ${entryTexts(entry).join(' | ')}`).toEqual([]);
        if (locale === 'zh-CN') {
          // No English word of the interface on a Chinese page: what remains in Latin letters is data (codes, emails, the indicator's own name).
          const latin = entryTexts(entry).join(' ').replace(/\S+@\S+|[\w-]*\.pdf|LG-[\w-]+|db\/seed|inspections done|\d+[A-Z\d]+|Ecology Bureau|Old Bureau|River kilometres patrolled|From patrol tracks|River monitoring|Longgang Green Co\.|About/g, '');
          expect(latin.match(/[A-Za-z]{3,}/g), `${action}: ${latin}`).toBeNull();
        }
      }
    });
  }

  it('translates statuses, kinds, yes/no, money and times', () => {
    const zhVerification = present(stored('contractor.verification_changed'), 'zh-CN');
    expect(zhVerification.details[0]).toEqual({ label: '状态', before: { text: '已核验', href: null }, after: { text: '禁止承接', href: null } });
    const enVerification = present(stored('contractor.verification_changed'), 'en');
    expect(enVerification.details[0]).toMatchObject({ before: { text: 'Verified' }, after: { text: 'Debarred' } });
    const drafted = present(stored('contract.drafted'), 'en');
    const detail = (label: string) => drafted.details.find((d) => d.label === label);
    expect(detail('Value')).toEqual({ label: 'Value', value: { text: 'CN¥787,000.00', href: null } });
    expect(detail('No-subcontracting declared')).toMatchObject({ value: { text: 'Yes' } });
    expect(detail('Matter')).toEqual({ label: 'Matter', value: { text: 'LG-ENV-005 River monitoring', href: '/desk/matters/5' } });
    expect(detail('Renewal of')).toMatchObject({ value: { text: 'LG-2025-0008 River monitoring', href: '/desk/contracts/8' } });
    // 02:05 UTC is 10:05 in Beijing.
    expect(drafted.time).toContain('10:05');
    expect(present(stored('contract.drafted'), 'zh-CN').details.find((d) => d.label === '合同金额')).toMatchObject({ value: { text: '¥787,000.00' } });
    expect(present(stored('department.updated'), 'zh-CN').details.find((d) => d.label === '类型')).toMatchObject({ before: { text: '党委部门' }, after: { text: '政府部门' } });
  });

  it('names the object by its human name, inside the record it belongs to', () => {
    const payment = present(stored('payment.recorded'), 'en');
    expect(payment.subject).toMatchObject({ kind: 'Payment', text: 'CN¥236,100.00, paid on 2026-07-31', href: '/desk/contracts/9' });
    expect(payment.within).toEqual([{ kind: 'Contract', text: 'LG-2026-0009 River monitoring', href: '/desk/contracts/9', hidden: false }]);
    const attachment = present(stored('attachment.added'), 'zh-CN');
    expect(attachment.subject).toMatchObject({ kind: '附件', text: '一季度报告.pdf', href: '/api/attachments/16' });
    expect(attachment.within.map((w) => w.text)).toEqual(['一季度报告', 'LG-2026-0009 河道水质监测']);
    expect(present(stored('contract.approved'), 'zh-CN').subject).toMatchObject({ kind: '合同', text: 'LG-2026-0009 河道水质监测' });
  });

  it('shows actors readably: roles translated, system actors named in the reader’s language, organizations in English where known', () => {
    const seed = present(stored('contract.approved', { actorId: null, actorName: 'sample data loader', actorRole: 'system', actorOrg: null }), 'zh-CN');
    expect(seed.actor).toMatchObject({ name: { text: '示例数据导入程序' }, role: '系统' });
    const officer = present(stored('contract.approved'), 'en');
    expect(officer.actor).toMatchObject({ name: { text: '王五' }, role: 'Officer', org: { text: 'Ecology Bureau' } });
  });

  it('shows neither name, link nor data of a record the viewer may not see', () => {
    for (const action of auditActions) {
      if (action === 'catalogue.imported' || action === 'auth.sign_in_refused') continue;
      for (const locale of ['zh-CN', 'en']) {
        const entry = present(stored(action), locale, emptyTables());
        const shown = entryTexts(entry).join(' ');
        expect(entry.subject.hidden, action).toBe(true);
        expect(entry.subject.href).toBeNull();
        expect(entry.details, action).toEqual([]);
        for (const secret of ['LG-2026-0009', '河道', 'River', '龙港环保', '一季度', '236,100']) expect(shown, `${action} ${locale}`).not.toContain(secret);
      }
    }
  });

  it('collects every record an event names, for the lookup', () => {
    const kinds = recordsNamedBy(stored('contract.drafted')).map((r) => `${r.kind}:${r.id}`);
    expect(kinds).toEqual(expect.arrayContaining(['contract:9', 'matter:5', 'contractor:3', 'department:2', 'contract:8', 'user:7']));
    expect(recordsNamedBy(stored('attachment.added')).map((r) => `${r.kind}:${r.id}`)).toContain('attachment:16');
    expect(recordsNamedBy(stored('user.updated')).map((r) => `${r.kind}:${r.id}`)).toContain('department:2');
  });
});
