import type Database from 'better-sqlite3';
import type { BidEvaluationMethod, ProcurementMethod, SingleSourceGround } from '../domain/enums';
import { getEnv } from '../env';
import { regionRules } from './regions';
import { checkProcurement, submissionPeriod, type Finding, type WarningCode } from './rules';

// How one contract's contractor was chosen, as its pages show it (the public's once it is published, the
// staff's and the approver's while it is a draft): method, period, bidders (organizations, named as
// published) and the rule warnings, which are the red flags.

export type PublicTenderer = { name: string; contractorId: number | null; bidFen: number | null; awarded: boolean };

export type PublicProcurement = {
  method: ProcurementMethod;
  noticeDate: string | null;
  bidDeadline: string | null;
  /** The submission period in the unit the region's minimum counts (calendar or working days), with that minimum. */
  submissionPeriod: { days: number; minimum: number; unit: 'calendar' | 'working' } | null;
  evaluationMethod: BidEvaluationMethod | null;
  numberOfTenderers: number | null;
  singleSourceGround: SingleSourceGround | null;
  justification: string | null;
  procurementNoticeUrl: string | null;
  awardNoticeUrl: string | null;
  tenderers: PublicTenderer[];
  warnings: Finding<WarningCode>[];
};

type Row = Omit<PublicProcurement, 'submissionPeriod' | 'tenderers' | 'warnings'>;

export function readContractProcurement(sqlite: Database.Database, contractId: number, valueFen: number): PublicProcurement | null {
  const row = sqlite
    .prepare(
      `select method, notice_date as noticeDate, bid_deadline as bidDeadline, evaluation_method as evaluationMethod, number_of_tenderers as numberOfTenderers,
              single_source_ground as singleSourceGround, justification, procurement_notice_url as procurementNoticeUrl, award_notice_url as awardNoticeUrl
       from contract_procurements where contract_id = ?`,
    )
    .get(contractId) as Row | undefined;
  if (!row) return null;
  const tenderers = (sqlite.prepare('select name, contractor_id as contractorId, bid_fen as bidFen, awarded from contract_tenderers where contract_id = ? order by position').all(contractId) as (Omit<PublicTenderer, 'awarded'> & { awarded: number })[]).map((t) => ({ ...t, awarded: t.awarded === 1 }));
  const rules = regionRules(getEnv().PROCUREMENT_REGION);
  const procurement = { ...row, tenderers: tenderers.map((t) => ({ ...t, creditCode: null })) };
  return { ...row, submissionPeriod: submissionPeriod(row, rules), tenderers, warnings: checkProcurement(procurement, valueFen, rules).warnings };
}

/**
 * A contract's record as the procurement form's fields (lib/forms/procurement.ts reads them back): the edit
 * form and the amendment form start from what is recorded. `bidderRows`: rows to offer, one per other bidder
 * and one more.
 */
export function procurementFormValues(sqlite: Database.Database, contractId: number, minimumRows: number): { values: Record<string, string>; bidderRows: number } {
  const row = sqlite
    .prepare(
      `select method, notice_date as noticeDate, bid_deadline as bidDeadline, evaluation_method as evaluationMethod, number_of_tenderers as numberOfTenderers,
              single_source_ground as singleSourceGround, justification, procurement_notice_url as procurementNoticeUrl, award_notice_url as awardNoticeUrl
       from contract_procurements where contract_id = ?`,
    )
    .get(contractId) as Record<string, string | number | null> | undefined;
  if (!row) return { values: {}, bidderRows: minimumRows };
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(row)) if (v !== null) values[`procurement.${k}`] = String(v);
  const yuan = (fen: number | null) => (fen === null ? '' : (fen / 100).toFixed(2));
  const tenderers = sqlite.prepare('select name, credit_code as creditCode, bid_fen as bidFen, awarded from contract_tenderers where contract_id = ? order by position').all(contractId) as { name: string; creditCode: string | null; bidFen: number | null; awarded: number }[];
  const awarded = tenderers.find((t) => t.awarded === 1);
  if (awarded?.bidFen != null) values['procurement.awardedBid'] = yuan(awarded.bidFen);
  const others = tenderers.filter((t) => t.awarded !== 1);
  others.forEach((t, i) => {
    values[`procurement.bidders.${i}.name`] = t.name;
    if (t.creditCode) values[`procurement.bidders.${i}.creditCode`] = t.creditCode;
    if (t.bidFen !== null) values[`procurement.bidders.${i}.bid`] = yuan(t.bidFen);
  });
  return { values, bidderRows: Math.min(50, Math.max(minimumRows, others.length + 1)) };
}
