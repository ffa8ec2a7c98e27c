import { z } from 'zod';
import { reportedRecordTypes } from '../domain/enums';

const text = (max: number) => z.string().trim().max(max, 'too_long');

/** The public form: which record, and what is wrong with it. */
export const errorReportInput = z.object({
  recordType: z.enum(reportedRecordTypes, { error: 'choice' }),
  recordKey: z.string().trim().min(1, 'required').max(60, 'too_long'),
  message: text(2000).min(10, 'report_too_short'),
});

/** An admin closes a report with a note saying what was done. */
export const closeReportInput = z.object({
  reportId: z.coerce.number().int().positive(),
  note: text(2000).min(1, 'required'),
});
