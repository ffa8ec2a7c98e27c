import type { ErrorReportStatus } from '../domain/enums';
import { nextStatus, type TransitionTable } from '../domain/transitions';

/** A visitor's error report, in one table: an admin closes an open report with a note. */
export const reportTransitions = {
  close: { from: ['open'], to: 'closed' },
} as const satisfies TransitionTable<ErrorReportStatus>;
export type ReportStep = keyof typeof reportTransitions;

export const nextReportStatus = (status: ErrorReportStatus, step: ReportStep): ErrorReportStatus | null =>
  nextStatus<ErrorReportStatus, ReportStep>(reportTransitions, status, step);

/** Reports one address may send in an hour; reports from addresses the registry cannot tell apart share one larger allowance. */
export const reportLimits = { perAddressPerHour: 5, unknownAddressesPerHour: 60 } as const;
