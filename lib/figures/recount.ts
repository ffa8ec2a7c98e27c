// Test-only (lib/figures/recount.test.ts): every figure the registry shows, counted again in plain
// TypeScript from the raw rows of the tables (`select *`), with none of the application's SQL or predicates.
// The rules come from DESIGN.md; nothing here is imported by application code.
import type { Db } from '../../db/client';
import PROCUREMENT_RULES from '../../config/procurement/CN-ZJ.json';

/** DESIGN: the public never sees drafts; a contract is published once approved, and stays so after it ends. */
export const PUBLISHED_CONTRACT_STATUSES = ['active', 'suspended', 'completed', 'terminated'] as const;
/** DESIGN: a matter is published once listed, and stays published (as withdrawn) when taken back; drafts are not. */
export const PUBLISHED_MATTER_STATUSES = ['listed', 'withdrawn'] as const;
/** The overview's definition (its note says so): accepted work submitted, in Shanghai's calendar, no later than 30 days after its period. */
export const ON_TIME_GRACE_DAYS = 30;

type PublishedStatus = (typeof PUBLISHED_CONTRACT_STATUSES)[number];

export type DepartmentRow = { id: number; code: string; name_zh: string; name_en: string; kind: string };
export type MatterRow = {
  id: number;
  code: string;
  title_zh: string;
  title_en: string;
  description_zh: string;
  description_en: string;
  category: string;
  department_id: number;
  catalogue_status: string;
};
export type ContractorRow = { id: number; name_zh: string; name_en: string; kind: string; credit_code: string; verification_status: string };
export type ContractRow = {
  id: number;
  reference: string;
  matter_id: number;
  contractor_id: number;
  department_id: number;
  value_fen: number;
  start_date: string;
  end_date: string;
  status: string;
  renewal_of_id: number | null;
};
export type MilestoneRow = { id: number; contract_id: number; type: string; due_date: string; status: string };
export type PaymentRow = { id: number; contract_id: number; amount_fen: number };
export type DeliverableRow = {
  id: number;
  contract_id: number;
  contractor_id: number;
  status: string;
  supersedes_id: number | null;
  period_end: string;
  submitted_at: string;
};
export type EvaluationRow = { id: number; contract_id: number; overall_score: number };
export type AmendmentRow = { id: number; contract_id: number; status: string };
export type UserRow = { id: number; name: string; role: string; department_id: number | null; contractor_id: number | null; disabled: number };
export type AssignmentRow = { id: number; contract_id: number; user_id: number };
export type ProcurementRow = { contract_id: number; method: string; notice_date: string | null; bid_deadline: string | null; number_of_tenderers: number | null };
export type TendererRow = { id: number; contract_id: number };

export type Rows = {
  departments: DepartmentRow[];
  matters: MatterRow[];
  contractors: ContractorRow[];
  contracts: ContractRow[];
  milestones: MilestoneRow[];
  payments: PaymentRow[];
  deliverables: DeliverableRow[];
  evaluations: EvaluationRow[];
  amendments: AmendmentRow[];
  users: UserRow[];
  assignments: AssignmentRow[];
  procurements: ProcurementRow[];
  tenderers: TendererRow[];
};

/** Every row of every table the figures come from, as stored. */
export function readRows(db: Db): Rows {
  const all = <T>(table: string) => db.$client.prepare(`select * from ${table} order by id`).all() as T[];
  return {
    departments: all('departments'),
    matters: all('matters'),
    contractors: all('contractors'),
    contracts: all('contracts'),
    milestones: all('milestones'),
    payments: all('payments'),
    deliverables: all('deliverables'),
    evaluations: all('evaluations'),
    amendments: all('amendments'),
    users: all('users'),
    assignments: all('evaluator_assignments'),
    procurements: db.$client.prepare('select * from contract_procurements order by contract_id').all() as ProcurementRow[],
    tenderers: all('contract_tenderers'),
  };
}

// ----- small helpers -----

const isPublishedContract = (c: ContractRow) => (PUBLISHED_CONTRACT_STATUSES as readonly string[]).includes(c.status);
const isPublishedMatter = (m: MatterRow) => (PUBLISHED_MATTER_STATUSES as readonly string[]).includes(m.catalogue_status);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
/** Mean to one decimal, or null for none. */
export const mean1 = (values: number[]): number | null => (values.length === 0 ? null : Math.round((sum(values) / values.length) * 10) / 10);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The calendar day in Asia/Shanghai (UTC+8 all year) of a stored UTC instant. */
export const shanghaiDay = (utcIso: string) => new Date(Date.parse(utcIso) + 8 * 3_600_000).toISOString().slice(0, 10);

const isOnTime = (d: DeliverableRow) => shanghaiDay(d.submitted_at) <= addDays(d.period_end, ON_TIME_GRACE_DAYS);

/** SQL LIKE '%q%' as SQLite does it: a substring, ignoring the case of ASCII letters only. */
const foldAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const contains = (text: string, q: string) => foldAscii(text).includes(foldAscii(q));

/** The recount's view of one registry: lookups built once. */
export class Recount {
  readonly contractsById: Map<number, ContractRow>;
  readonly mattersById: Map<number, MatterRow>;
  readonly contractorsById: Map<number, ContractorRow>;
  readonly departmentsById: Map<number, DepartmentRow>;

  constructor(readonly rows: Rows) {
    this.contractsById = byId(rows.contracts);
    this.mattersById = byId(rows.matters);
    this.contractorsById = byId(rows.contractors);
    this.departmentsById = byId(rows.departments);
  }

  private paidOn(contractId: number): number {
    return sum(this.rows.payments.filter((p) => p.contract_id === contractId).map((p) => p.amount_fen));
  }

  private publishedContracts(where: (c: ContractRow) => boolean = () => true): ContractRow[] {
    return this.rows.contracts.filter((c) => isPublishedContract(c) && where(c));
  }

  private acceptedOf(contracts: ContractRow[]): DeliverableRow[] {
    const ids = new Set(contracts.map((c) => c.id));
    return this.rows.deliverables.filter((d) => d.status === 'accepted' && ids.has(d.contract_id));
  }

  private evaluationsOf(contracts: ContractRow[]): EvaluationRow[] {
    const ids = new Set(contracts.map((c) => c.id));
    return this.rows.evaluations.filter((e) => ids.has(e.contract_id));
  }

  private hasActiveContract(matterId: number): boolean {
    return this.rows.contracts.some((c) => c.matter_id === matterId && c.status === 'active');
  }

  // ----- public overview and /api/public/stats -----

  stats() {
    const published = this.rows.matters.filter(isPublishedMatter);
    const listed = published.filter((m) => m.catalogue_status === 'listed');
    const byKind = { social_organization: 0, enterprise_institution: 0, university: 0 } as Record<string, number>;
    for (const k of this.rows.contractors) byKind[k.kind] = (byKind[k.kind] ?? 0) + 1;
    const contracts = this.publishedContracts();
    const byStatus = emptyByStatus();
    for (const c of contracts) byStatus[c.status as PublishedStatus] += 1;
    const accepted = this.acceptedOf(contracts);
    const evaluations = this.evaluationsOf(contracts);
    const categories = new Map<string, { contracts: number; valueFen: number }>();
    for (const c of contracts) {
      const category = this.mattersById.get(c.matter_id)!.category;
      const entry = categories.get(category) ?? { contracts: 0, valueFen: 0 };
      entry.contracts += 1;
      entry.valueFen += c.value_fen;
      categories.set(category, entry);
    }
    const years = new Map<number, Record<PublishedStatus, number>>();
    for (const c of contracts) {
      const year = Number(c.start_date.slice(0, 4));
      const counts = years.get(year) ?? emptyByStatus();
      counts[c.status as PublishedStatus] += 1;
      years.set(year, counts);
    }
    return {
      matters: {
        published: published.length,
        listed: listed.length,
        withdrawn: published.filter((m) => m.catalogue_status === 'withdrawn').length,
        inService: listed.filter((m) => this.hasActiveContract(m.id)).length,
      },
      contractors: { total: this.rows.contractors.length, byKind },
      contracts: {
        published: contracts.length,
        byStatus,
        totalValueFen: sum(contracts.map((c) => c.value_fen)),
        amountPaidFen: sum(contracts.map((c) => this.paidOn(c.id))),
      },
      deliverables: { accepted: accepted.length, acceptedOnTime: accepted.filter(isOnTime).length, graceDays: ON_TIME_GRACE_DAYS },
      evaluations: { count: evaluations.length, averageScore: mean1(evaluations.map((e) => e.overall_score)) },
      valueByCategory: [...categories.entries()]
        .map(([category, v]) => ({ category, ...v }))
        .sort((a, b) => b.valueFen - a.valueFen || cmp(a.category, b.category)),
      contractsByStartYear: [...years.entries()].sort(([a], [b]) => a - b).map(([year, counts]) => ({ year, byStatus: counts })),
    };
  }

  // ----- public matters -----

  serviceStatus(m: MatterRow): 'in_service' | 'not_in_service' | 'withdrawn' {
    if (m.catalogue_status === 'withdrawn') return 'withdrawn';
    return this.hasActiveContract(m.id) ? 'in_service' : 'not_in_service';
  }

  /** Ids of the contractors holding an active contract for the matter, each once, by id. */
  currentContractors(matterId: number): number[] {
    return [...new Set(this.rows.contracts.filter((c) => c.matter_id === matterId && c.status === 'active').map((c) => c.contractor_id))].sort((a, b) => a - b);
  }

  matterItem(m: MatterRow) {
    return { code: m.code, serviceStatus: this.serviceStatus(m), currentContractors: this.currentContractors(m.id) };
  }

  /** The public matter list for a filter: every match in code order, and how many. */
  matterList(filter: { q?: string; department?: string; category?: string; contractorKind?: string; status?: string }) {
    const items = this.rows.matters
      .filter(isPublishedMatter)
      .filter((m) => {
        if (filter.q !== undefined && ![m.code, m.title_zh, m.title_en, m.description_zh, m.description_en].some((t) => contains(t, filter.q!))) return false;
        if (filter.department !== undefined && this.departmentsById.get(m.department_id)?.code !== filter.department) return false;
        if (filter.category !== undefined && m.category !== filter.category) return false;
        if (filter.contractorKind !== undefined && !this.publishedContracts((c) => c.matter_id === m.id).some((c) => this.contractorsById.get(c.contractor_id)?.kind === filter.contractorKind)) return false;
        if (filter.status !== undefined && this.serviceStatus(m) !== filter.status) return false;
        return true;
      })
      .sort((a, b) => cmp(a.code, b.code))
      .map((m) => this.matterItem(m));
    return { total: items.length, items };
  }

  private contractFigures(c: ContractRow) {
    return { reference: c.reference, status: c.status, valueFen: c.value_fen, amountPaidFen: this.paidOn(c.id) };
  }

  /** Newest start first, then by id: the order of the contract tables on matter and contractor pages. */
  private byStartDesc(contracts: ContractRow[]) {
    return [...contracts].sort((a, b) => cmp(b.start_date, a.start_date) || a.id - b.id);
  }

  /** A published matter's page, or null (drafts and unknown codes are not found). */
  matterDetail(code: string) {
    const m = this.rows.matters.find((x) => x.code === code);
    if (!m || !isPublishedMatter(m)) return null;
    const contracts = this.publishedContracts((c) => c.matter_id === m.id);
    return {
      ...this.matterItem(m),
      contracts: this.byStartDesc(contracts).map((c) => this.contractFigures(c)),
      acceptedDeliverables: this.acceptedOf(contracts).length,
      evaluations: this.evaluationsOf(contracts).length,
    };
  }

  // ----- public contractors -----

  contractorCounts(contractorId: number) {
    const held = this.publishedContracts((c) => c.contractor_id === contractorId);
    return { id: contractorId, publishedContracts: held.length, activeContracts: held.filter((c) => c.status === 'active').length };
  }

  contractorList(filter: { q?: string; kind?: string }) {
    const items = this.rows.contractors
      .filter((k) => (filter.kind === undefined || k.kind === filter.kind) && (filter.q === undefined || [k.name_zh, k.name_en, k.credit_code].some((t) => contains(t, filter.q!))))
      .sort((a, b) => a.id - b.id)
      .map((k) => this.contractorCounts(k.id));
    return { total: items.length, items };
  }

  contractorDetail(contractorId: number) {
    if (!this.contractorsById.has(contractorId)) return null;
    const held = this.publishedContracts((c) => c.contractor_id === contractorId);
    const evaluations = this.evaluationsOf(held);
    return {
      record: {
        publishedContracts: held.length,
        activeContracts: held.filter((c) => c.status === 'active').length,
        totalValueFen: sum(held.map((c) => c.value_fen)),
        amountPaidFen: sum(held.map((c) => this.paidOn(c.id))),
        acceptedDeliverables: this.acceptedOf(held).length,
        evaluations: evaluations.length,
        averageScore: mean1(evaluations.map((e) => e.overall_score)),
      },
      contracts: this.byStartDesc(held).map((c) => this.contractFigures(c)),
    };
  }

  // ----- public contracts -----

  contractList() {
    const items = this.publishedContracts()
      .sort((a, b) => a.id - b.id)
      .map((c) => this.contractFigures(c));
    return { total: items.length, items };
  }

  contractDetail(reference: string) {
    const c = this.rows.contracts.find((x) => x.reference === reference);
    if (!c || !isPublishedContract(c)) return null;
    const previous = c.renewal_of_id === null ? undefined : this.contractsById.get(c.renewal_of_id);
    const payments = this.rows.payments.filter((p) => p.contract_id === c.id);
    return {
      ...this.contractFigures(c),
      payments: payments.length,
      paymentsTotalFen: sum(payments.map((p) => p.amount_fen)),
      milestones: this.rows.milestones.filter((m) => m.contract_id === c.id).length,
      amendments: this.rows.amendments.filter((a) => a.contract_id === c.id && a.status === 'approved').length,
      acceptedDeliverables: this.acceptedOf([c]).length,
      evaluations: this.evaluationsOf([c]).length,
      renewalOf: previous && isPublishedContract(previous) ? previous.reference : null,
      renewedBy: this.publishedContracts((x) => x.renewal_of_id === c.id)
        .sort((a, b) => a.id - b.id)
        .map((x) => x.reference),
      procurement: this.procurementOf(c.id),
    };
  }

  /** How the contract's contractor was chosen, in the figures its page shows; periods counted day by day. */
  procurementOf(contractId: number) {
    const p = this.rows.procurements.find((x) => x.contract_id === contractId);
    if (!p) return null;
    const rule = (PROCUREMENT_RULES.minimumPeriods as Record<string, { days: number; unit: string }>)[p.method];
    let periodDays: number | null = null;
    if (rule && p.notice_date && p.bid_deadline) {
      periodDays = 0;
      for (let d = addDays(p.notice_date, 1); d <= p.bid_deadline; d = addDays(d, 1)) {
        const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
        if (rule.unit === 'calendar' || (weekday !== 0 && weekday !== 6)) periodDays++;
      }
    }
    return { method: p.method, numberOfTenderers: p.number_of_tenderers, periodDays, bidders: this.rows.tenderers.filter((t) => t.contract_id === contractId).length };
  }

  // ----- bulk downloads -----

  downloads() {
    return {
      matters: this.rows.matters
        .filter(isPublishedMatter)
        .sort((a, b) => cmp(a.code, b.code))
        .map((m) => ({ code: m.code, serviceStatus: this.serviceStatus(m) })),
      contractors: [...this.rows.contractors].sort((a, b) => a.id - b.id).map((k) => this.contractorCounts(k.id)),
      contracts: this.publishedContracts()
        .sort((a, b) => a.id - b.id)
        .map((c) => ({ reference: c.reference, valueFen: c.value_fen, amountPaidFen: this.paidOn(c.id) })),
    };
  }

  // ----- staff pages -----

  /** Admin departments list and department page: how many matters each department owns (drafts included). */
  departments() {
    return [...this.rows.departments]
      .sort((a, b) => cmp(a.code, b.code))
      .map((d) => ({ code: d.code, matters: this.rows.matters.filter((m) => m.department_id === d.id).length }));
  }

  /** The staff matter list's and page's "in service" mark: as the public's, listed and held by an active contract now (drafts and withdrawn matters never). */
  staffMattersInService() {
    return this.rows.matters
      .filter((m) => m.catalogue_status === 'listed' && this.hasActiveContract(m.id))
      .map((m) => m.code)
      .sort(cmp);
  }

  /** Contracts a user sees (DESIGN: officers their department's, contractors their own organization's published ones, evaluators their assigned published ones). */
  contractsInScope(user: UserRow): ContractRow[] {
    switch (user.role) {
      case 'officer':
      case 'approver':
        return this.rows.contracts.filter((c) => c.department_id === user.department_id);
      case 'contractor':
        return this.publishedContracts((c) => c.contractor_id === user.contractor_id);
      case 'evaluator': {
        const assigned = new Set(this.rows.assignments.filter((a) => a.user_id === user.id).map((a) => a.contract_id));
        return this.publishedContracts((c) => assigned.has(c.id));
      }
      default:
        return this.rows.contracts;
    }
  }

  /** The officer's desk: contracts by status, work awaiting review and the "needs attention" lists. */
  desk(user: UserRow, today: string) {
    const scope = this.contractsInScope(user);
    const ids = new Set(scope.map((c) => c.id));
    const byStatus = { draft: 0, pending_approval: 0, active: 0, suspended: 0, completed: 0, cancelled: 0, terminated: 0 } as Record<string, number>;
    for (const c of scope) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
    const running = (c: ContractRow) => c.status === 'active' || c.status === 'suspended';
    return {
      byStatus,
      awaitingReview: this.rows.deliverables.filter((d) => d.status === 'submitted' && ids.has(d.contract_id)).length,
      awaitingApproval: scope.filter((c) => c.status === 'pending_approval').length,
      endingSoon: scope.filter((c) => c.status === 'active' && c.end_date >= today && c.end_date <= addDays(today, 30)).length,
      pastEnd: scope.filter((c) => running(c) && c.end_date < today).length,
      overdueMilestones: this.rows.milestones.filter((m) => {
        const c = this.contractsById.get(m.contract_id)!;
        return ids.has(c.id) && running(c) && m.status === 'scheduled' && m.due_date < today;
      }).length,
    };
  }

  /** The contractor portal: returned work not yet resubmitted, milestones coming due, own contracts. */
  portal(user: UserRow, until: string) {
    const scope = this.contractsInScope(user);
    const ids = new Set(scope.map((c) => c.id));
    const resubmitted = new Set(this.rows.deliverables.map((d) => d.supersedes_id).filter((id) => id !== null));
    return {
      returnedWork: this.rows.deliverables.filter((d) => d.status === 'returned' && d.contractor_id === user.contractor_id && ids.has(d.contract_id) && !resubmitted.has(d.id)).length,
      upcomingMilestones: this.rows.milestones.filter((m) => m.status === 'scheduled' && m.due_date <= until && ids.has(m.contract_id) && this.contractsById.get(m.contract_id)!.status === 'active').length,
      contracts: scope.length,
    };
  }

  /** The record staff see when they draft, approve or renew a contract with this contractor. */
  contractorRecord(contractorId: number) {
    const deliverables = this.rows.deliverables.filter((d) => d.contractor_id === contractorId);
    const replaced = new Set(deliverables.map((d) => d.supersedes_id).filter((id) => id !== null));
    const current = deliverables.filter((d) => !replaced.has(d.id));
    const accepted = current.filter((d) => d.status === 'accepted');
    const scores = this.evaluationsOf(this.rows.contracts.filter((c) => c.contractor_id === contractorId)).map((e) => e.overall_score);
    return {
      contractsHeld: this.publishedContracts((c) => c.contractor_id === contractorId).length,
      deliverables: current.length,
      accepted: accepted.length,
      acceptedOnTime: accepted.filter(isOnTime).length,
      evaluations: scores.length,
      averageScore: mean1(scores),
    };
  }

  /** A contract's staff page: the amount paid, and for a renewal what the renewed contract delivered. */
  staffContract(contractId: number) {
    const c = this.contractsById.get(contractId)!;
    const previous = c.renewal_of_id === null ? null : this.rows.deliverables.filter((d) => d.contract_id === c.renewal_of_id);
    return {
      paidFen: this.paidOn(c.id),
      previousDeliverables: previous && {
        total: previous.length,
        accepted: previous.filter((d) => d.status === 'accepted').length,
        returned: previous.filter((d) => d.status === 'returned').length,
      },
    };
  }
}

function emptyByStatus(): Record<PublishedStatus, number> {
  return { active: 0, suspended: 0, completed: 0, terminated: 0 };
}
