import type { BidEvaluationMethod, ProcurementMethod, SingleSourceGround } from '../domain/enums';
import { periodLength } from './periods';
import type { RegionRules } from './regions';

// How a contractor was chosen, checked against the region's rules (regions.ts). Errors refuse the draft:
// what the law requires for the record to make sense (a single source has a legal ground; a competition has
// a period and bidders). Warnings are recorded with the draft and shown to the approver and the public: what
// the law requires of the procurement itself (a submission period, open tender above the threshold), which
// the registry records as it happened rather than refuses — they are the red flags open-data users look for.

export type Tenderer = { contractorId: number | null; name: string; creditCode: string | null; bidFen: number | null; awarded: boolean };

export type Procurement = {
  method: ProcurementMethod;
  /** YYYY-MM-DD, Beijing time: the day the procurement notice or documents were issued. */
  noticeDate: string | null;
  /** YYYY-MM-DD, Beijing time: the deadline for bids or responses. */
  bidDeadline: string | null;
  evaluationMethod: BidEvaluationMethod | null;
  numberOfTenderers: number | null;
  /** The bidders as published; may be fewer than numberOfTenderers. */
  tenderers: Tenderer[];
  singleSourceGround: SingleSourceGround | null;
  justification: string | null;
};

export type ErrorCode =
  | 'ground_required'
  | 'justification_required'
  | 'single_source_competition'
  | 'notice_date_required'
  | 'bid_deadline_required'
  | 'deadline_before_notice'
  | 'tenderers_required'
  | 'tenderers_fewer_than_listed'
  | 'evaluation_method_required'
  | 'evaluation_method_mismatch'
  | 'awarded_not_one';

export type WarningCode = 'short_period' | 'open_tender_required' | 'single_bidder' | 'few_tenderers' | 'quotations_for_goods';

export type Finding<C extends string> = { code: C; field: keyof Procurement | 'valueFen'; params?: Record<string, number | string> };
export type ProcurementCheck = { errors: Finding<ErrorCode>[]; warnings: Finding<WarningCode>[] };

/** The evaluation a method prescribes, where it prescribes one (财政部令第74号 Arts. 36, 48; 财库〔2014〕214号 Art. 23). */
const prescribedEvaluation: Partial<Record<ProcurementMethod, BidEvaluationMethod>> = {
  competitive_negotiation: 'lowest_price',
  request_for_quotations: 'lowest_price',
  competitive_consultation: 'comprehensive_scoring',
};

export const isCompetitive = (method: ProcurementMethod): method is Exclude<ProcurementMethod, 'single_source'> => method !== 'single_source';

/** The submission period in the unit the region's rule for the method counts, or null when it cannot be known. */
export function submissionPeriod(p: Pick<Procurement, 'method' | 'noticeDate' | 'bidDeadline'>, rules: RegionRules): { days: number; minimum: number; unit: 'calendar' | 'working' } | null {
  if (!isCompetitive(p.method) || !p.noticeDate || !p.bidDeadline) return null;
  const rule = rules.minimumPeriods[p.method];
  return { days: periodLength(p.noticeDate, p.bidDeadline, rule.unit), minimum: rule.days, unit: rule.unit };
}

/** Red flag: a competitive procedure with exactly one bidder. */
export const hasSingleBidder = (p: Pick<Procurement, 'method' | 'numberOfTenderers'>): boolean => isCompetitive(p.method) && p.numberOfTenderers === 1;

/** Red flag: a submission period shorter than the region's minimum for the method. */
export function hasShortPeriod(p: Pick<Procurement, 'method' | 'noticeDate' | 'bidDeadline'>, rules: RegionRules): boolean {
  const period = submissionPeriod(p, rules);
  return period !== null && period.days >= 0 && period.days < period.minimum;
}

export function checkProcurement(p: Procurement, valueFen: number, rules: RegionRules): ProcurementCheck {
  const errors: Finding<ErrorCode>[] = [];
  const warnings: Finding<WarningCode>[] = [];

  if (p.method === 'single_source') {
    if (!p.singleSourceGround) errors.push({ code: 'ground_required', field: 'singleSourceGround' });
    if (!p.justification?.trim()) errors.push({ code: 'justification_required', field: 'justification' });
    if ((p.numberOfTenderers ?? 1) > 1 || p.tenderers.length > 1) errors.push({ code: 'single_source_competition', field: 'numberOfTenderers' });
  } else {
    if (!p.noticeDate) errors.push({ code: 'notice_date_required', field: 'noticeDate' });
    if (!p.bidDeadline) errors.push({ code: 'bid_deadline_required', field: 'bidDeadline' });
    if (p.noticeDate && p.bidDeadline && p.bidDeadline < p.noticeDate) errors.push({ code: 'deadline_before_notice', field: 'bidDeadline' });
    if (p.numberOfTenderers === null || p.numberOfTenderers < 1) errors.push({ code: 'tenderers_required', field: 'numberOfTenderers' });
    else if (p.numberOfTenderers < p.tenderers.length) errors.push({ code: 'tenderers_fewer_than_listed', field: 'numberOfTenderers', params: { listed: p.tenderers.length } });
    const prescribed = prescribedEvaluation[p.method];
    if (!p.evaluationMethod && !prescribed) errors.push({ code: 'evaluation_method_required', field: 'evaluationMethod' });
    if (p.evaluationMethod && prescribed && p.evaluationMethod !== prescribed) errors.push({ code: 'evaluation_method_mismatch', field: 'evaluationMethod', params: { prescribed } });
  }
  if (p.tenderers.length > 0 && p.tenderers.filter((t) => t.awarded).length !== 1) errors.push({ code: 'awarded_not_one', field: 'tenderers' });

  if (isCompetitive(p.method)) {
    const period = submissionPeriod(p, rules);
    if (period && period.days >= 0 && period.days < period.minimum) warnings.push({ code: 'short_period', field: 'bidDeadline', params: period });
    const minimum = rules.minimumTenderers[p.method];
    if (p.numberOfTenderers === 1) warnings.push({ code: 'single_bidder', field: 'numberOfTenderers' });
    else if (p.numberOfTenderers !== null && p.numberOfTenderers > 1 && p.numberOfTenderers < minimum) warnings.push({ code: 'few_tenderers', field: 'numberOfTenderers', params: { count: p.numberOfTenderers, minimum } });
  }
  if (valueFen >= rules.publicTenderThresholdFen && p.method !== 'open_tender') warnings.push({ code: 'open_tender_required', field: 'method', params: { thresholdFen: rules.publicTenderThresholdFen } });
  if (p.method === 'request_for_quotations' && valueFen >= rules.procurementLimitFen) warnings.push({ code: 'quotations_for_goods', field: 'method', params: { limitFen: rules.procurementLimitFen } });
  return { errors, warnings };
}
