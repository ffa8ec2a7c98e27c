import type Database from 'better-sqlite3';
import type { BidEvaluationMethod, ContractorKind, MatterCategory, MilestoneStatus, MilestoneType, ProcurementMethod, SingleSourceGround } from '../domain/enums';
import type { Procurement } from '../procurement/rules';
import type { ContractMetricsInput } from './metrics';
import { publishedContractSql, type PublishedContractStatus } from '../domain/predicates';
import { toIndicator } from '../results/adapt';
import type { Indicator, Observation, Target } from '../results/types';
import type { IndicatorDirection, IndicatorKind } from '../results/kinds';
import { fromCenti, type UnitCode } from '../results/units';

// What an OCDS release says about one published contract, read from the tables as they are now. Releases
// are built from it when something published changes (lib/ocds/publish.ts), and never rebuilt afterwards.

export type ContractSnapshot = {
  id: number;
  reference: string;
  status: PublishedContractStatus;
  statusReason: string | null;
  /** UTC instant of the last status change. */
  statusChangedAt: string | null;
  valueFen: number;
  startDate: string;
  endDate: string;
  /** UTC instant of approval (the award and signature date). */
  approvedAt: string | null;
  /** The published contract this one renews. */
  renewalOf: string | null;
  matter: { code: string; titleZh: string; titleEn: string; category: MatterCategory };
  department: { code: string; nameZh: string; nameEn: string; creditCode: string | null };
  contractor: { id: number; nameZh: string; nameEn: string; kind: ContractorKind; creditCode: string };
  milestones: { id: number; title: string; type: MilestoneType; dueDate: string; status: MilestoneStatus }[];
  payments: { id: number; amountFen: number; paidOn: string }[];
  amendments: {
    id: number;
    rationale: string;
    previousValueFen: number;
    newValueFen: number;
    previousEndDate: string;
    newEndDate: string;
    termsChanged: boolean;
    /** It carried a new procurement record (amendment_procurements), which replaced the contract's. */
    procurementChanged: boolean;
    /** UTC instant of approval. */
    approvedAt: string | null;
    releaseId: string | null;
    amendsReleaseId: string | null;
  }[];
  acceptedDeliverables: { id: number; title: string; periodStart: string; periodEnd: string; acceptedAt: string | null }[];
  /** How the contractor was chosen; null for a contract recorded before procurement was (lib/procurement). */
  procurement: Procurement | null;
  /**
   * The matter's indicators, the contract's targets and the values reported against it, published as OCDS
   * metrics (lib/ocds/metrics.ts): the matter's indicators (lib/results/adapt.ts: UN/CEFACT code and the
   * English unit name of lib/results/units.ts), the contract's whole-term targets, and every value its
   * deliverables reported, with `accepted` from the deliverable's status (only accepted ones are published).
   */
  results?: Omit<ContractMetricsInput, 'term'>;
};


type Statements = Record<'contracts' | 'milestones' | 'payments' | 'amendments' | 'deliverables' | 'tenderers' | 'indicators' | 'targets' | 'results', Database.Statement>;
const cache = new WeakMap<Database.Database, Statements>();

/** Prepared once per connection; each reads a range of contract ids (one index range per batch). */
function statementsFor(sqlite: Database.Database): Statements {
  let s = cache.get(sqlite);
  if (!s) {
    s = {
      contracts: sqlite
        .prepare(
          `select c.id, c.reference, c.status, c.status_reason, c.status_changed_at, c.value_fen, c.start_date, c.end_date, c.approved_at,
                  (select p.reference from contracts p where p.id = c.renewal_of_id and ${publishedContractSql('p.status')}),
                  m.code, m.title_zh, m.title_en, m.category,
                  d.code, d.name_zh, d.name_en, d.credit_code,
                  k.id, k.name_zh, k.name_en, k.kind, k.credit_code,
                  pr.method, pr.notice_date, pr.bid_deadline, pr.evaluation_method, pr.number_of_tenderers, pr.single_source_ground, pr.justification
           from contracts c
           join matters m on m.id = c.matter_id
           join departments d on d.id = c.department_id
           join contractors k on k.id = c.contractor_id
           left join contract_procurements pr on pr.contract_id = c.id
           where c.id > ? and c.id <= ? and ${publishedContractSql('+c.status')} order by c.id limit ?`,
        )
        .raw(),
      milestones: sqlite.prepare(`select contract_id, id, title, type, due_date, status from milestones where contract_id > ? and contract_id <= ? order by contract_id, due_date, id`).raw(),
      payments: sqlite.prepare(`select contract_id, id, amount_fen, paid_on from payments where contract_id > ? and contract_id <= ? order by contract_id, paid_on, id`).raw(),
      amendments: sqlite
        .prepare(
          `select contract_id, id, rationale, previous_value_fen, new_value_fen, previous_end_date, new_end_date, previous_terms <> new_terms, decided_at, ocds_release_id, ocds_amends_release_id,
                  exists (select 1 from amendment_procurements p where p.amendment_id = amendments.id)
           from amendments where contract_id > ? and contract_id <= ? and +status = 'approved' order by contract_id, id`,
        )
        .raw(),
      deliverables: sqlite
        .prepare(
          `select contract_id, id, title, period_start, period_end, reviewed_at from deliverables
           where contract_id > ? and contract_id <= ? and +status = 'accepted' order by contract_id, period_start, id`,
        )
        .raw(),
      tenderers: sqlite
        .prepare(`select contract_id, contractor_id, name, credit_code, bid_fen, awarded from contract_tenderers where contract_id > ? and contract_id <= ? order by contract_id, position`)
        .raw(),
      indicators: sqlite
        .prepare(
          `select c.id, i.code, i.name_zh, i.name_en, i.unit, i.kind, i.direction from contracts c join matter_indicators i on i.matter_id = c.matter_id
           where c.id > ? and c.id <= ? order by c.id, i.id`,
        )
        .raw(),
      targets: sqlite
        .prepare(
          `select t.contract_id, i.code, t.target_centi from contract_targets t join matter_indicators i on i.id = t.indicator_id
           where t.contract_id > ? and t.contract_id <= ? order by t.contract_id, i.id`,
        )
        .raw(),
      results: sqlite
        .prepare(
          `select d.contract_id, i.code, d.period_start, d.period_end, r.value_centi, d.status = 'accepted'
           from deliverable_results r join deliverables d on d.id = r.deliverable_id join matter_indicators i on i.id = r.indicator_id
           where d.contract_id > ? and d.contract_id <= ? order by d.contract_id, d.period_end, d.id, i.id`,
        )
        .raw(),
    };
    cache.set(sqlite, s);
  }
  return s;
}

function groupByContract<T>(rows: unknown[][], map: (row: unknown[]) => T): Map<number, T[]> {
  const by = new Map<number, T[]>();
  for (const row of rows) {
    const id = row[0] as number;
    let bucket = by.get(id);
    if (!bucket) by.set(id, (bucket = []));
    bucket.push(map(row));
  }
  return by;
}

/**
 * Published contracts with ids in (after, upTo], at most `limit`, in id order, each with its children:
 * nine statements per batch however many contracts it holds.
 */
export function readContractSnapshots(sqlite: Database.Database, after: number, upTo: number, limit: number): ContractSnapshot[] {
  const s = statementsFor(sqlite);
  const rows = s.contracts.all(after, upTo, limit) as unknown[][];
  if (rows.length === 0) return [];
  const last = rows.at(-1)![0] as number;
  const milestonesBy = groupByContract(s.milestones.all(after, last) as unknown[][], (r) => ({
    id: r[1] as number,
    title: r[2] as string,
    type: r[3] as MilestoneType,
    dueDate: r[4] as string,
    status: r[5] as MilestoneStatus,
  }));
  const paymentsBy = groupByContract(s.payments.all(after, last) as unknown[][], (r) => ({ id: r[1] as number, amountFen: r[2] as number, paidOn: r[3] as string }));
  const amendmentsBy = groupByContract(s.amendments.all(after, last) as unknown[][], (r) => ({
    id: r[1] as number,
    rationale: r[2] as string,
    previousValueFen: r[3] as number,
    newValueFen: r[4] as number,
    previousEndDate: r[5] as string,
    newEndDate: r[6] as string,
    termsChanged: r[7] === 1,
    procurementChanged: r[11] === 1,
    approvedAt: r[8] as string | null,
    releaseId: r[9] as string | null,
    amendsReleaseId: r[10] as string | null,
  }));
  const deliverablesBy = groupByContract(s.deliverables.all(after, last) as unknown[][], (r) => ({
    id: r[1] as number,
    title: r[2] as string,
    periodStart: r[3] as string,
    periodEnd: r[4] as string,
    acceptedAt: r[5] as string | null,
  }));
  const tenderersBy = groupByContract(s.tenderers.all(after, last) as unknown[][], (r) => ({
    contractorId: r[1] as number | null,
    name: r[2] as string,
    creditCode: r[3] as string | null,
    bidFen: r[4] as number | null,
    awarded: r[5] === 1,
  }));
  const indicatorsBy = groupByContract(s.indicators.all(after, last) as unknown[][], (r): Indicator =>
    toIndicator({ code: r[1] as string, nameZh: r[2] as string, nameEn: r[3] as string, unit: r[4] as UnitCode, kind: r[5] as IndicatorKind, direction: r[6] as IndicatorDirection }),
  );
  const targetsBy = groupByContract(s.targets.all(after, last) as unknown[][], (r): Target => ({ indicatorCode: r[1] as string, value: fromCenti(r[2] as number) }));
  const resultsBy = groupByContract(s.results.all(after, last) as unknown[][], (r): Observation => ({
    indicatorCode: r[1] as string,
    periodStart: r[2] as string,
    periodEnd: r[3] as string,
    value: fromCenti(r[4] as number),
    accepted: r[5] === 1,
  }));
  return rows.map((r) => {
    const id = r[0] as number;
    const procurement: Procurement | null =
      r[23] === null
        ? null
        : {
            method: r[23] as ProcurementMethod,
            noticeDate: r[24] as string | null,
            bidDeadline: r[25] as string | null,
            evaluationMethod: r[26] as BidEvaluationMethod | null,
            numberOfTenderers: r[27] as number | null,
            singleSourceGround: r[28] as SingleSourceGround | null,
            justification: r[29] as string | null,
            tenderers: tenderersBy.get(id) ?? [],
          };
    return {
      id,
      reference: r[1] as string,
      status: r[2] as PublishedContractStatus,
      statusReason: r[3] as string | null,
      statusChangedAt: r[4] as string | null,
      valueFen: r[5] as number,
      startDate: r[6] as string,
      endDate: r[7] as string,
      approvedAt: r[8] as string | null,
      renewalOf: r[9] as string | null,
      matter: { code: r[10] as string, titleZh: r[11] as string, titleEn: r[12] as string, category: r[13] as MatterCategory },
      department: { code: r[14] as string, nameZh: r[15] as string, nameEn: r[16] as string, creditCode: r[17] as string | null },
      contractor: { id: r[18] as number, nameZh: r[19] as string, nameEn: r[20] as string, kind: r[21] as ContractorKind, creditCode: r[22] as string },
      milestones: milestonesBy.get(id) ?? [],
      payments: paymentsBy.get(id) ?? [],
      amendments: amendmentsBy.get(id) ?? [],
      acceptedDeliverables: deliverablesBy.get(id) ?? [],
      procurement,
      results: { indicators: indicatorsBy.get(id) ?? [], targets: targetsBy.get(id) ?? [], observations: resultsBy.get(id) ?? [] },
    };
  });
}

/** One published contract's snapshot, or null when it is not published. */
export function readContractSnapshot(sqlite: Database.Database, contractId: number): ContractSnapshot | null {
  return readContractSnapshots(sqlite, contractId - 1, contractId, 1)[0] ?? null;
}
