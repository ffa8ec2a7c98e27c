import { z } from 'zod';
import zhejiang from '../../config/procurement/CN-ZJ.json';
import { procurementMethods, type ProcurementMethod } from '../domain/enums';

// The procurement rules of a region, as configuration data (config/procurement/<region>.json), each value
// with the legal source it comes from (docs/procurement-rules.md). Only the values change between
// provinces; the checks in rules.ts are the same everywhere.

const fen = z.number().int().nonnegative();
const competitive = procurementMethods.filter((m) => m !== 'single_source') as Exclude<ProcurementMethod, 'single_source'>[];

const periodRule = z.object({ days: z.number().int().min(1).max(366), unit: z.enum(['calendar', 'working']), source: z.string().min(1) }).strict();

export const regionRulesSchema = z
  .object({
    region: z.string().regex(/^CN-[A-Z]{2}$/),
    nameZh: z.string().min(1),
    nameEn: z.string().min(1),
    effectiveFrom: z.iso.date(),
    /** At or above: open tender, unless the finance department approved another method (政府采购法 Art. 27). */
    publicTenderThresholdFen: fen,
    /** Below: not government procurement in law (分散采购限额标准); the methods are the purchaser's choice. */
    procurementLimitFen: fen,
    minimumPeriods: z.object(Object.fromEntries(competitive.map((m) => [m, periodRule])) as Record<(typeof competitive)[number], typeof periodRule>).strict(),
    minimumTenderers: z.object(Object.fromEntries(competitive.map((m) => [m, z.number().int().min(1).max(10)])) as Record<(typeof competitive)[number], z.ZodNumber>).strict(),
    sources: z.record(z.string(), z.string().min(1)),
  })
  .strict()
  .refine((r) => r.procurementLimitFen <= r.publicTenderThresholdFen, { message: 'the procurement limit cannot exceed the open-tender threshold' })
  .refine((r) => Object.values(r.minimumPeriods).every((p) => p.source in r.sources), { message: 'every minimum period cites a source listed in sources' });

export type RegionRules = z.infer<typeof regionRulesSchema>;

const regions: Record<string, RegionRules> = Object.fromEntries([zhejiang].map((data) => regionRulesSchema.parse(data)).map((r) => [r.region, r]));

export const DEFAULT_REGION = 'CN-ZJ';

/** The rules of a configured region; an unknown code is a configuration error. */
export function regionRules(code: string = DEFAULT_REGION): RegionRules {
  const rules = regions[code];
  if (!rules) throw new Error(`no procurement rules configured for region ${code} (config/procurement/)`);
  return rules;
}

export const configuredRegions = (): string[] => Object.keys(regions);
