import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import zh from '../../messages/zh-CN.json';
import { AppError } from '../errors';
import { buildFixture } from '../testing/fixture';
import { submitDeliverable } from './service';

const caught = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('a deliverable’s reporting period lies within the contract’s term', () => {
  it('refuses a period that starts before the contract or ends after it (2099 on a 2026 contract), naming the allowed range', () => {
    const f = buildFixture(); // activeA runs 2026-01-01 to 2026-12-31
    const count = () => f.db.$client.prepare('select count(*) from deliverables').pluck().get();
    const before = count();
    const submit = (periodStart: string, periodEnd: string) => () => submitDeliverable(f.db, f.actors.contractorX, { contractId: f.activeA.id, title: 'Q', periodStart, periodEnd });

    const late = caught(submit('2026-10-01', '2099-12-31'));
    expect(late.code).toBe('validation');
    expect(late.details.fieldErrors).toEqual({ periodEnd: ['after_contract_end'] });
    expect(late.details.params).toEqual({ start: '2026-01-01', end: '2026-12-31' });

    expect(caught(submit('2025-12-31', '2026-03-31')).details.fieldErrors).toEqual({ periodStart: ['before_contract_start'] });
    expect(caught(submit('2025-01-01', '2099-01-01')).details.fieldErrors).toEqual({ periodStart: ['before_contract_start'], periodEnd: ['after_contract_end'] });
    expect(count()).toBe(before);

    // The whole term, to the day, is allowed.
    expect(submit('2026-01-01', '2026-12-31')()).toMatchObject({ periodStart: '2026-01-01', periodEnd: '2026-12-31' });
  });

  it('has the messages in both languages, with the range', () => {
    for (const messages of [en, zh] as { validation: Record<string, string> }[]) {
      for (const key of ['before_contract_start', 'after_contract_end']) {
        expect(messages.validation[key]).toMatch(/\{start\}[\s\S]*\{end\}/);
      }
    }
  });
});
