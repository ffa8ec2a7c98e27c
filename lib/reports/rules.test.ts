import { describe, expect, it } from 'vitest';
import { errorReportStatuses, type ErrorReportStatus } from '../domain/enums';
import { stepsOf } from '../domain/transitions';
import { nextReportStatus, reportTransitions, type ReportStep } from './rules';

describe('error report transition table', () => {
  const legal: Record<string, ErrorReportStatus> = { 'open close': 'closed' };

  it('allows exactly open → closed', () => {
    for (const status of errorReportStatuses) {
      for (const step of stepsOf<ErrorReportStatus, ReportStep>(reportTransitions)) {
        expect(nextReportStatus(status, step), `${status} ${step}`).toBe(legal[`${status} ${step}`] ?? null);
      }
    }
  });
});
