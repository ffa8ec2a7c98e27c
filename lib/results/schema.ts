import { z } from 'zod';
import { optionalText, requiredText } from '../shared/zod';
import { indicatorDirections, indicatorKinds } from './kinds';
import { unitCodes } from './units';

/** An indicator's code: snake_case, unique within its matter (the key of open data and of the catalogue CSV). */
export const indicatorCode = z.string().trim().regex(/^[a-z][a-z0-9_]{0,49}$/, 'indicator_code');

const indicatorFields = {
  nameZh: requiredText(100),
  nameEn: requiredText(200),
  unit: z.enum(unitCodes, { error: 'choice' }),
  kind: z.enum(indicatorKinds, { error: 'choice' }),
  direction: z.enum(indicatorDirections, { error: 'choice' }),
  definitionZh: optionalText(2000),
  definitionEn: optionalText(4000),
};

export const indicatorAddInput = z.object({ matterId: z.coerce.number().int().positive(), code: indicatorCode, ...indicatorFields });
/** Everything but the code and the unit: results already reported keep their meaning. */
export const indicatorEditInput = z.object({
  indicatorId: z.coerce.number().int().positive(),
  nameZh: indicatorFields.nameZh,
  nameEn: indicatorFields.nameEn,
  kind: indicatorFields.kind,
  direction: indicatorFields.direction,
  definitionZh: indicatorFields.definitionZh,
  definitionEn: indicatorFields.definitionEn,
});
export const indicatorRetireInput = z.object({ indicatorId: z.coerce.number().int().positive() });

/**
 * Values typed per indicator, keyed by the indicator's code: a target or a result, as text (checked by the
 * unit's rule in lib/results/values.ts) or a number. An empty text means "not given".
 */
export const valuesByCode = z
  .record(indicatorCode, z.union([z.string().max(40, 'too_long'), z.number()]))
  .refine((r) => Object.keys(r).length <= 50, 'too_many');
