import { describe, expect, it } from 'vitest';
import { canonicalJson } from './chain';
import { auditActions, auditDataSchemas, parseAuditData, parseStoredAuditEvent, type AuditEventData } from './events';

describe('audit event data', () => {
  it('declares a schema for every action', () => {
    for (const action of auditActions) expect(auditDataSchemas[action], action).toBeDefined();
  });

  it('types each action: a payment is integers and a day, a transition stays within its entity’s statuses', () => {
    const payment = { after: { contractId: 1, milestoneId: null, amountFen: 100_00, paidOn: '2026-03-01' } };
    expect(parseAuditData('payment.recorded', payment)).toEqual(payment);
    expect(() => parseAuditData('payment.recorded', { after: { ...payment.after, amountFen: '100' } })).toThrow();
    expect(() => parseAuditData('payment.recorded', { after: { ...payment.after, amountFen: 1.5 } })).toThrow();
    expect(() => parseAuditData('payment.recorded', { after: { ...payment.after, paidOn: 'yesterday' } })).toThrow();
    expect(parseAuditData('contract.approved', { from: 'pending_approval', to: 'active' })).toEqual({ from: 'pending_approval', to: 'active' });
    expect(() => parseAuditData('contract.approved', { from: 'pending_approval', to: 'accepted' })).toThrow();
    expect(() => parseAuditData('deliverable.accepted', { from: 'submitted', to: 'active' })).toThrow();
  });

  it('refuses fields nobody declared instead of dropping them from the trail', () => {
    expect(() => parseAuditData('evaluator.assigned', { after: { contractId: 1, userId: 2, note: 'x' } })).toThrow();
    expect(() => parseAuditData('user.enabled', { by: 'x' })).toThrow();
  });

  it('keeps an attachment tied to the record its owner type names', () => {
    const file = { attachmentId: 1, fileName: 'a.pdf', mediaType: 'application/pdf', sizeBytes: 10, sha256: 'a'.repeat(64) };
    expect(() => parseAuditData('attachment.added', { after: { ...file, ownerType: 'deliverable', deliverableId: 3 } })).not.toThrow();
    expect(() => parseAuditData('attachment.added', { after: { ...file, ownerType: 'contractor', contractorId: 3 } })).not.toThrow();
    expect(() => parseAuditData('attachment.added', { after: { ...file, ownerType: 'contractor', deliverableId: 3 } })).toThrow();
  });

  it('reads a stored event back as its action’s type, and an unreadable one as null', () => {
    const stored = canonicalJson({ after: { contractId: 4, milestoneId: 7, amountFen: 500, paidOn: '2026-01-02' } });
    const event: AuditEventData | null = parseStoredAuditEvent('payment.recorded', stored);
    expect(event?.action).toBe('payment.recorded');
    if (event?.action === 'payment.recorded') expect(event.data.after.amountFen).toBe(500);
    expect(parseStoredAuditEvent('payment.recorded', '{"after":{}}')).toBeNull();
    expect(parseStoredAuditEvent('payment.recorded', 'not json')).toBeNull();
    expect(parseStoredAuditEvent('no.such_action', '{}')).toBeNull();
    expect(parseStoredAuditEvent('__proto__', '{}')).toBeNull();
  });
});
