import type { BidEvaluationMethod, ProcurementMethod, SingleSourceGround } from '../domain/enums';
import { calendarDays } from './periods';
import type { Procurement } from './rules';

// How a contractor was chosen, in OCDS terms: the release's tender section (procurementMethod on the closed
// `method` codelist, the Chinese method by name in both languages, the rationale of a single source, the
// tender period, the bidders) and the bidders as parties with the role `tenderer`.

/** The Chinese methods onto OCDS's four (codelist `method`). */
export const ocdsMethod: Record<ProcurementMethod, 'open' | 'selective' | 'limited' | 'direct'> = {
  open_tender: 'open',
  // Suppliers are invited from a qualified pool (政府采购法 Art. 34).
  invitational_tender: 'selective',
  // The purchaser invites at least three suppliers of its choice (财政部令第74号).
  competitive_negotiation: 'limited',
  competitive_consultation: 'limited',
  request_for_quotations: 'limited',
  // Entry is by an open call (征集公告) to all suppliers (财政部令第110号).
  framework_agreement: 'open',
  single_source: 'direct',
};

export const methodNames: Record<ProcurementMethod, { zh: string; en: string }> = {
  open_tender: { zh: '公开招标', en: 'Open tender' },
  invitational_tender: { zh: '邀请招标', en: 'Invitational tender' },
  competitive_negotiation: { zh: '竞争性谈判', en: 'Competitive negotiation' },
  competitive_consultation: { zh: '竞争性磋商', en: 'Competitive consultation' },
  single_source: { zh: '单一来源', en: 'Single source' },
  request_for_quotations: { zh: '询价', en: 'Request for quotations' },
  framework_agreement: { zh: '框架协议', en: 'Framework agreement' },
};

export const groundNames: Record<SingleSourceGround, { zh: string; en: string }> = {
  only_one_supplier: { zh: '只能从唯一供应商处采购', en: 'Only one supplier can provide it' },
  emergency: { zh: '发生了不可预见的紧急情况，不能从其他供应商处采购', en: 'An unforeseeable emergency left no time to buy from another supplier' },
  continuity: { zh: '必须保证原有采购项目一致性或者服务配套的要求，需要继续从原供应商处添购', en: 'Consistency with an existing service requires buying more from its supplier' },
};

/** OCDS awardCriteria (codelist, open): lowest price → priceOnly; comprehensive scoring → ratedCriteria. */
export const ocdsAwardCriteria: Record<BidEvaluationMethod, 'priceOnly' | 'ratedCriteria'> = { lowest_price: 'priceOnly', comprehensive_scoring: 'ratedCriteria' };

type PartyRef = { id: string; name: string };
type OcdsParty = PartyRef & { identifier?: { scheme: string; id: string; legalName: string }; roles: string[] };

const partyIdOf = (t: Procurement['tenderers'][number], index: number) => (t.creditCode ? `CN-USCC-${t.creditCode}` : `tenderer-${index + 1}`);

/**
 * The tender fields and the tenderer parties of one contract. `supplier` is the contracted party (already in
 * the release's parties as supplier): a listed bidder with its credit code is the same party and gains the
 * role `tenderer` there rather than appearing twice.
 */
export function tenderSection(p: Procurement, supplier: PartyRef & { creditCode: string | null }) {
  const names = methodNames[p.method];
  const tenderers: PartyRef[] = [];
  const parties: OcdsParty[] = [];
  p.tenderers.forEach((t, i) => {
    const isSupplier = t.awarded || (t.creditCode !== null && t.creditCode === supplier.creditCode);
    const id = isSupplier ? supplier.id : partyIdOf(t, i);
    tenderers.push({ id, name: isSupplier ? supplier.name : t.name });
    if (!isSupplier) parties.push({ id, name: t.name, ...(t.creditCode ? { identifier: { scheme: 'CN-USCC', id: t.creditCode, legalName: t.name } } : {}), roles: ['tenderer'] });
  });
  const rationale =
    p.method === 'single_source' && p.singleSourceGround
      ? { procurementMethodRationale: `${groundNames[p.singleSourceGround].zh}：${p.justification ?? ''}`, procurementMethodRationale_en: `${groundNames[p.singleSourceGround].en}: ${p.justification ?? ''}` }
      : {};
  const period =
    p.noticeDate && p.bidDeadline
      ? { tenderPeriod: { startDate: `${p.noticeDate}T00:00:00+08:00`, endDate: `${p.bidDeadline}T23:59:59+08:00`, durationInDays: calendarDays(p.noticeDate, p.bidDeadline) } }
      : {};
  const tender = {
    procurementMethod: ocdsMethod[p.method],
    procurementMethodDetails: names.zh,
    procurementMethodDetails_en: names.en,
    ...rationale,
    ...(p.evaluationMethod ? { awardCriteria: ocdsAwardCriteria[p.evaluationMethod] } : {}),
    ...period,
    ...(p.numberOfTenderers !== null ? { numberOfTenderers: p.numberOfTenderers } : {}),
    ...(tenderers.length > 0 ? { tenderers } : {}),
  };
  return { tender, parties, supplierIsTenderer: p.tenderers.some((t) => t.awarded || (t.creditCode !== null && t.creditCode === supplier.creditCode)) };
}
