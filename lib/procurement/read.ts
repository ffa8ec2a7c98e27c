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
