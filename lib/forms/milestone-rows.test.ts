import { describe, expect, it } from 'vitest';
import { contractDraftForm } from '../contracts/schema';
import { validate } from '../shared/validate';
import { milestoneRows } from './rows';

const draft = (milestones: unknown) => ({
  matterId: '1',
  contractorId: '1',
  valueFen: '1000',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  terms: '',
  noSubcontractDeclared: true,
  procurement: { method: 'single_source' },
  milestones,
});

describe('milestone rows of the draft contract form', () => {
  it('refuses an unknown milestone type as a field error instead of storing it as delivery', () => {
    const fd = new FormData();
    fd.set('milestones.0.title', '中期报告');
    fd.set('milestones.0.type', 'bogus');
    fd.set('milestones.0.dueDate', '2026-06-30');
    const rows = milestoneRows(fd);
    expect(rows).toEqual([{ title: '中期报告', type: 'bogus', dueDate: '2026-06-30' }]);
    expect(() => validate(contractDraftForm, draft(rows))).toThrow(
      expect.objectContaining({ code: 'validation', details: expect.objectContaining({ fieldErrors: expect.objectContaining({ 'milestones.0.type': ['choice'] }) }) }),
    );
  });

  it('refuses a missing type too, and keeps a known one', () => {
    const fd = new FormData();
    fd.set('milestones.1.title', '付款');
    fd.set('milestones.1.dueDate', '2026-06-30');
    expect(() => validate(contractDraftForm, draft(milestoneRows(fd)))).toThrow(expect.objectContaining({ code: 'validation' }));
    fd.set('milestones.1.type', 'payment');
    expect(validate(contractDraftForm, draft(milestoneRows(fd))).milestones).toEqual([{ title: '付款', type: 'payment', dueDate: '2026-06-30' }]);
  });
});
