import type { ProcurementMethod } from '../domain/enums';
import { regionRules } from '../procurement/regions';

// How the sample contracts' contractors were chosen, as a city like Longgang would choose them: open tender
// above the open-tender threshold, competitive consultation from the procurement limit up, request for
// quotations for small services, single source for a university's research matter. Deterministic from the
// contract's key, with a few single bids and short submission periods so the red flags show something.

type Bidder = { id: number; kind: string };
type SampleContract = { key: string; valueFen: number; start: string; renewalOf: string | null };

const DAY = 86_400_000;
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
/** A small stable number from the key: c037 → 37. */
const seedOf = (key: string) => Number(key.replace(/\D/g, '')) || key.length;

function methodFor(c: SampleContract, kind: string, n: number): ProcurementMethod {
  const rules = regionRules();
  if (c.valueFen >= rules.publicTenderThresholdFen) return 'open_tender';
  if (kind === 'university' && n % 2 === 0) return 'single_source';
  if (c.valueFen >= rules.procurementLimitFen) return n % 5 === 0 ? 'competitive_negotiation' : 'competitive_consultation';
  return n % 4 === 0 ? 'competitive_negotiation' : 'request_for_quotations';
}

/** Working days are counted Monday to Friday (lib/procurement/periods.ts); this adds them. */
function addWorkingDays(date: string, days: number): string {
  let d = date;
  for (let left = days; left > 0; ) {
    d = shift(d, 1);
    const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return d;
}

export function sampleProcurement(c: SampleContract, winner: Bidder, pool: Bidder[]) {
  const n = seedOf(c.key);
  const method = methodFor(c, winner.kind, n);
  if (method === 'single_source') {
    return {
      method,
      singleSourceGround: 'only_one_supplier' as const,
      justification: '该事项的研究需要长期积累的本地调查数据和专门研究团队，经专家论证和公示，只有该校具备条件。',
    };
  }
  const rule = regionRules().minimumPeriods[method];
  const noticeDate = shift(c.start, -45 - (n % 10));
  // Every eleventh competition closed a day or more short of the minimum; the rest a few days after it.
  const short = n % 11 === 3;
  const length = rule.days + (short ? -Math.max(1, Math.floor(rule.days / 4)) : n % 4);
  const bidDeadline = rule.unit === 'working' ? addWorkingDays(noticeDate, length) : shift(noticeDate, length);
  // Every ninth competition drew a single bid.
  const count = n % 9 === 4 ? 1 : 3 + (n % 4);
  const others = pool.filter((b) => b.id !== winner.id && b.kind === winner.kind);
  const losers = Array.from({ length: Math.min(count - 1, 2, others.length) }, (_, i) => others[(n * 7 + i * 13) % others.length]!).filter((b, i, all) => all.findIndex((x) => x.id === b.id) === i);
  const bidOf = (i: number) => Math.round((c.valueFen * (100 + 3 * (i + 1) + (n % 5))) / 100 / 100) * 100;
  return {
    method,
    noticeDate,
    bidDeadline,
    evaluationMethod: method === 'competitive_negotiation' || method === 'request_for_quotations' ? ('lowest_price' as const) : ('comprehensive_scoring' as const),
    numberOfTenderers: count,
    tenderers: [
      { contractorId: winner.id, name: '', awarded: true, bidFen: c.valueFen },
      ...losers.map((b, i) => ({ contractorId: b.id, name: '', awarded: false, bidFen: bidOf(i) })),
    ],
  };
}
