import type { ErrorReportStatus } from '../domain/enums';

/** A visitor's error report, in one table: an admin closes an open report with a note. */
export const reportTransitions = {
  close: { from: ['open'], to: 'closed' },
} as const satisfies Record<string, { from: readonly ErrorReportStatus[]; to: ErrorReportStatus }>;

export const nextReportStatus = (status: ErrorReportStatus, step: keyof typeof reportTransitions): ErrorReportStatus | null =>
  (reportTransitions[step].from as readonly ErrorReportStatus[]).includes(status) ? reportTransitions[step].to : null;

/** Reports one address may send in an hour; reports from addresses the registry cannot tell apart share one larger allowance. */
export const reportLimits = { perAddressPerHour: 5, unknownAddressesPerHour: 60 } as const;
