import { describe, expect, it } from 'vitest';
import { availableSteps, nextStatus, reachableStatuses, requireNextStatus, requireStepTo, stepBetween } from './transitions';

const table = {
  open: { from: ['new'], to: 'open' },
  close: { from: ['new', 'open'], to: 'closed' },
} as const;
type S = 'new' | 'open' | 'closed';

describe('transition tables', () => {
  it('answers the next status or null', () => {
    expect(nextStatus<S, keyof typeof table>(table, 'new', 'open')).toBe('open');
    expect(nextStatus<S, keyof typeof table>(table, 'closed', 'open')).toBeNull();
  });
  it('lists steps and reachable statuses', () => {
    expect(availableSteps<S, keyof typeof table>(table, 'new')).toEqual(['open', 'close']);
    expect(reachableStatuses<S, keyof typeof table>(table, 'open')).toEqual(['closed']);
    expect(reachableStatuses<S, keyof typeof table>(table, 'closed')).toEqual([]);
    expect(stepBetween<S, keyof typeof table>(table, 'open', 'closed')).toBe('close');
    expect(stepBetween<S, keyof typeof table>(table, 'closed', 'new')).toBeNull();
  });
  it('refuses with a rule error naming the message', () => {
    expect(() => requireNextStatus<S, keyof typeof table>(table, 'closed', 'close', 'thing')).toThrow(expect.objectContaining({ code: 'rule', details: expect.objectContaining({ rule: 'transition_not_allowed' }) }));
    expect(() => requireStepTo<S, keyof typeof table>(table, 'closed', 'open', 'thing', 'own_key')).toThrow(expect.objectContaining({ code: 'rule', details: expect.objectContaining({ rule: 'own_key' }) }));
  });
});
