import { z } from 'zod';
import { isPlainText } from './text';

/** Trimmed free text of at most `max` characters, well-formed and without control characters (lib/shared/text.ts). */
export const text = (max: number) => z.string().trim().max(max, 'too_long').refine(isPlainText, 'invalid_characters');
/** Trimmed text; empty after trimming is refused with the `required` message. */
export const requiredText = (max: number) => z.string({ error: 'required' }).trim().min(1, 'required').max(max, 'too_long').refine(isPlainText, 'invalid_characters');
export const optionalText = (max: number) => text(max).default('');

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export const isoDate = z
  .string()
  .trim()
  .regex(isoDatePattern, 'date_format')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'date_invalid');

/** Whole fen, from a form string or a number; at most 10^13 fen (100 billion yuan). */
export const fen = z.coerce.number({ error: 'number' }).int('integer').min(0, 'negative').max(1e13, 'too_large');
export const positiveFen = fen.refine((n) => n > 0, 'not_positive');

/** A yuan amount typed by a person ("1234.5", "1,234.50") as integer fen, without floating point. */
export const yuanAsFen = z
  .string({ error: 'required' })
  .trim()
  .transform((s) => s.replaceAll(',', '').replaceAll('，', ''))
  .refine((s) => /^\d{1,11}(\.\d{1,2})?$/.test(s), 'money_format')
  .transform((s) => {
    const [whole, fraction = ''] = s.split('.');
    return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  });

/** An optional yuan field of a form: empty means "not given". */
export const optionalYuanAsFen = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), yuanAsFen.optional());
export const positiveYuanAsFen = yuanAsFen.refine((n) => n > 0, 'not_positive');
