// Test-only (lib/figures/recount.test.ts): registries built by random sequences of writes, every write
// through the same use case a person would trigger (lib/*/service.ts). A write the rules refuse (an
// AppError) changes nothing and the sequence goes on; any other error is a bug and fails the test.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import fc from 'fast-check';
import { configureConnection, type Db } from '../../db/client';
import * as schema from '../../db/schema';
import { buildActor, systemActor, type Actor } from '../auth/actor';
import { changeContractorVerification, createContractor } from '../contractors/service';
import { usccCheckCharacter } from '../contractors/uscc';
import { decideAmendment, requestAmendment } from '../contracts/amendments';
import type { ContractTransition } from '../contracts/rules';
import { draftContract, recordPayment, setMilestoneStatus, transitionContract } from '../contracts/service';
import { createDepartment } from '../departments/service';
import { reviewDeliverable, submitDeliverable } from '../deliverables/service';
import { contractorKinds, evaluatorKinds, matterCategories, milestoneStatuses, milestoneTypes, type ContractStatus, type Role } from '../domain/enums';
import { publishedContractSql, runningContractStatuses, settlingContractStatuses, sqlIn } from '../domain/predicates';
import { isAppError } from '../errors';
import { assignEvaluator } from '../evaluations/assignments';
import { recordEvaluation } from '../evaluations/service';
import { changeMatterStatus, createMatter } from '../matters/service';
import { todayInShanghai, withRecordedTime } from '../shared/time';
import { testDb } from '../testing/db';
import { createUser } from '../users/service';
import { addDays } from './recount';

type Department = { id: number; code: string; officer: Actor; approver: Actor };

export type World = {
  db: Db;
  admin: Actor;
  departments: Department[];
  /** The reporting user of each contractor. */
  reporters: Map<number, Actor>;
  evaluators: Actor[];
  /** For unique codes. */
  seq: number;
};

export const writeKinds = [
  'matter.create',
  'matter.list',
  'matter.withdraw',
  'contractor.create',
  'contractor.verification',
  'contract.draft',
  'contract.step',
  'payment.record',
  'milestone.status',
  'deliverable.submit',
  'deliverable.resubmit',
  'deliverable.review',
  'evaluation.record',
  'amendment.request',
  'amendment.decide',
  'evaluator.assign',
] as const;
export type WriteKind = (typeof writeKinds)[number];

/** One write: what to do, and numbers that choose among the rows it may apply to and its values. */
export type Write = { kind: WriteKind; a: number; b: number; c: number; d: number; flag: boolean };

const weights: Record<WriteKind, number> = {
  'matter.create': 3,
  'matter.list': 2,
  'matter.withdraw': 1,
  'contractor.create': 2,
  'contractor.verification': 2,
  'contract.draft': 8,
  'contract.step': 16,
  'payment.record': 6,
  'milestone.status': 2,
  'deliverable.submit': 8,
  'deliverable.resubmit': 2,
  'deliverable.review': 6,
  'evaluation.record': 4,
  'amendment.request': 2,
  'amendment.decide': 2,
  'evaluator.assign': 2,
};

/** The steps a contract takes from each status, most of them forward (out of 20). */
const stepOdds: Partial<Record<ContractStatus, [ContractTransition, number][]>> = {
  draft: [['submit', 17], ['cancel', 3]],
  pending_approval: [['approve', 15], ['return', 3], ['cancel', 2]],
  active: [['suspend', 6], ['complete', 7], ['terminate', 7]],
  suspended: [['resume', 12], ['terminate', 8]],
};

function stepFor(status: ContractStatus, n: number): ContractTransition {
  const odds = stepOdds[status];
  if (!odds) return 'submit'; // a closed contract: refused
  let k = n % 20;
  for (const [step, weight] of odds) {
    if (k < weight) return step;
    k -= weight;
  }
  return odds[0]![0];
}

export const writeArbitrary: fc.Arbitrary<Write> = fc.record({
  kind: fc.oneof(...writeKinds.map((kind) => ({ arbitrary: fc.constant(kind), weight: weights[kind] }))),
  a: fc.nat(10_000),
  b: fc.nat(10_000),
  c: fc.nat(10_000),
  d: fc.nat(10_000),
  flag: fc.boolean(),
});

const categoryCode: Record<(typeof matterCategories)[number], string> = {
  environment: 'ENV',
  safety: 'SAF',
  urban_management: 'URB',
  social_services: 'SOC',
  culture_sport: 'CUL',
  economy_markets: 'ECO',
  health_education: 'HED',
  agriculture_rural: 'AGR',
};
const titles = [
  ['污染源巡查', 'Pollution source inspection'],
  ['安全检查', 'Safety inspection'],
  ['社区服务', 'Community services'],
  ['文化活动', 'Cultural events'],
] as const;
const kindPrefix: Record<(typeof contractorKinds)[number], string> = { social_organization: '51', enterprise_institution: '91', university: '12' };
const kindName: Record<(typeof contractorKinds)[number], [string, string]> = {
  social_organization: ['协会', 'Association'],
  enterprise_institution: ['公司', 'Company'],
  university: ['大学', 'University'],
};

const pick = <T>(items: readonly T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);

let template: { image: Buffer; world: Omit<World, 'db'> } | undefined;

/**
 * A new registry: three departments with an officer and an approver each, an admin, two evaluators, a
 * contractor of each kind with its reporting user, a listed matter per department and a contract under
 * way in each. Built through the use cases once, then copied (a fresh in-memory database per call).
 */
export function startRegistry(): World {
  if (!template) {
    const { db, ...world } = buildStartingRegistry();
    template = { image: db.$client.serialize(), world };
    db.$client.close();
  }
  const sqlite = new Database(template.image);
  configureConnection(sqlite, ':memory:');
  const db = drizzle({ client: sqlite, schema }) as Db;
  return { ...template.world, reporters: new Map(template.world.reporters), evaluators: [...template.world.evaluators], db };
}

function buildStartingRegistry(): World {
  const db = testDb();
  const sys = systemActor('recount test');
  const user = (email: string, role: Role, scope: { departmentId?: number; contractorId?: number } = {}): Actor => {
    const row = createUser(db, world.admin.id === null ? sys : world.admin, { email, name: email.split('@')[0]!, role, departmentId: scope.departmentId ?? null, contractorId: scope.contractorId ?? null });
    return buildActor({ id: row.id, name: row.name, role, departmentId: row.departmentId, contractorId: row.contractorId, orgName: null });
  };
  const world: World = { db, admin: sys, departments: [], reporters: new Map(), evaluators: [], seq: 0 };
  world.admin = user('admin@recount.example', 'admin');
  for (const [code, kind] of [['LG-D-AAA', 'government'], ['LG-D-BBB', 'government'], ['LG-D-CCC', 'party']] as const) {
    const d = createDepartment(db, sys, { code, nameZh: `${code}局`, nameEn: `Bureau ${code}`, kind });
    const slug = code.slice(-3).toLowerCase();
    world.departments.push({ id: d.id, code, officer: user(`officer.${slug}@recount.example`, 'officer', { departmentId: d.id }), approver: user(`approver.${slug}@recount.example`, 'approver', { departmentId: d.id }) });
  }
  world.evaluators.push(user('evaluator.1@recount.example', 'evaluator'), user('evaluator.2@recount.example', 'evaluator'));
  contractorKinds.forEach((kind, i) => addContractor(world, kind, 'verified', i));
  world.departments.forEach((d, i) => addMatter(world, d, matterCategories[i]!, 'listed', i));
  // A contract under way in each department, so that the first writes have something to work on.
  const matterIds = db.$client.prepare(`select id from matters order by id`).pluck().all() as number[];
  const contractorIds = db.$client.prepare(`select id from contractors order by id`).pluck().all() as number[];
  world.departments.forEach((d, i) => {
    const { contract } = draftContract(db, d.officer, {
      matterId: matterIds[i]!,
      contractorId: contractorIds[i]!,
      valueFen: 500_000_00,
      startDate: `202${4 + i}-03-01`,
      endDate: `202${5 + i}-02-28`,
      noSubcontractDeclared: true,
      milestones: [{ title: '中期付款', type: 'payment', dueDate: `202${4 + i}-09-01` }],
    });
    transitionContract(db, d.officer, { contractId: contract.id, transition: 'submit' });
    if (i < 2) transitionContract(db, d.approver, { contractId: contract.id, transition: 'approve' });
  });
  return world;
}

function addContractor(world: World, kind: (typeof contractorKinds)[number], status: 'pending' | 'verified', n: number) {
  const seq = ++world.seq;
  const first17 = `${kindPrefix[kind]}330383MA${String(seq).padStart(7, '0')}`;
  const [zh, en] = kindName[kind];
  const row = createContractor(world.db, world.admin, {
    nameZh: `第${seq}${zh}`,
    nameEn: `${en} No. ${seq}${n % 2 ? ' (Longgang)' : ''}`,
    kind,
    creditCode: first17 + usccCheckCharacter(first17)!,
    legalRepresentative: '法定代表人',
    verificationStatus: status,
  });
  const user = createUser(world.db, world.admin, { email: `reporter.${row.id}@recount.example`, name: `reporter ${row.id}`, role: 'contractor', contractorId: row.id });
  world.reporters.set(row.id, buildActor({ id: user.id, name: user.name, role: 'contractor', departmentId: null, contractorId: row.id, orgName: row.nameZh }));
}

function addMatter(world: World, department: Department, category: (typeof matterCategories)[number], status: 'listed' | 'draft', n: number) {
  const [zh, en] = titles[n % titles.length]!;
  const seq = ++world.seq;
  createMatter(world.db, department.officer, {
    code: `LG-${categoryCode[category]}-${String(seq).padStart(3, '0')}`,
    titleZh: `${zh}${seq}`,
    titleEn: `${en} ${seq}`,
    descriptionZh: n % 3 === 0 ? '含巡查和上报。' : '',
    descriptionEn: n % 3 === 0 ? 'Includes patrols and reporting.' : '',
    category,
    departmentId: department.id,
    annualBudgetFen: 100_000_00 + (n % 50) * 10_000_00,
    catalogueStatus: status,
  });
}

type ContractPick = { id: number; matter_id: number; contractor_id: number; department_id: number; status: ContractStatus; value_fen: number; start_date: string; end_date: string };

/**
 * Applies one write through its use case, as the person who would make it. Returns whether it was done
 * or refused by a rule (nothing changed then); throws anything else.
 */
export function applyWrite(world: World, w: Write): 'done' | 'refused' | 'nothing to do' {
  try {
    return performWrite(world, w) === false ? 'nothing to do' : 'done';
  } catch (e) {
    if (isAppError(e)) return 'refused';
    throw e;
  }
}

function performWrite(world: World, w: Write): boolean | void {
  const { db } = world;
  const rows = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as T[];
  const dept = (id: number) => world.departments.find((d) => d.id === id)!;
  const contracts = (where: string) => rows<ContractPick>(`select id, matter_id, contractor_id, department_id, status, value_fen, start_date, end_date from contracts where ${where} order by id`);
  const today = todayInShanghai();

  switch (w.kind) {
    case 'matter.create':
      return addMatter(world, pick(world.departments, w.a)!, pick(matterCategories, w.b)!, w.flag ? 'listed' : 'draft', w.c);
    case 'matter.list':
    case 'matter.withdraw': {
      const from = w.kind === 'matter.list' ? 'draft' : 'listed';
      const m = pick(rows<{ id: number; department_id: number }>(`select id, department_id from matters where catalogue_status = ? order by id`, from), w.a);
      if (!m) return false;
      return changeMatterStatus(db, dept(m.department_id).officer, { matterId: m.id, to: w.kind === 'matter.list' ? 'listed' : 'withdrawn', reason: w.kind === 'matter.withdraw' ? '职能收回' : undefined });
    }
    case 'contractor.create':
      return addContractor(world, pick(contractorKinds, w.a)!, w.flag ? 'verified' : 'pending', w.b);
    case 'contractor.verification': {
      const k = pick(rows<{ id: number }>(`select id from contractors order by id`), w.a)!;
      const to = pick(['verified', 'suspended', 'debarred', 'verified'] as const, w.b)!;
      return changeContractorVerification(db, world.admin, { contractorId: k.id, to, reason: to === 'verified' ? undefined : '信用记录不良' });
    }
    case 'contract.draft': {
      const renewed = w.flag ? pick(contracts(publishedContractSql('status')), w.d) : undefined;
      const matter = renewed
        ? { id: renewed.matter_id, department_id: renewed.department_id }
        : pick(rows<{ id: number; department_id: number }>(`select id, department_id from matters where catalogue_status = 'listed' order by id`), w.a);
      if (!matter) return false;
      const contractorId = renewed ? renewed.contractor_id : pick(rows<{ id: number }>(`select id from contractors order by id`), w.b)!.id;
      const startDate = renewed ? addDays(renewed.end_date, 1) : addDays('2024-01-01', w.c % 1400);
      const endDate = addDays(startDate, 30 + (w.d % 334));
      const span = (Date.parse(endDate) - Date.parse(startDate)) / 86_400_000;
      const milestoneCount = w.b % 4;
      return void draftContract(db, dept(matter.department_id).officer, {
        matterId: matter.id,
        contractorId,
        valueFen: (1 + (w.a % 500)) * 10_000,
        startDate,
        endDate,
        noSubcontractDeclared: true,
        renewalOfId: renewed?.id,
        milestones: Array.from({ length: milestoneCount }, (_, i) => ({
          title: `节点${i + 1}`,
          type: milestoneTypes[(w.c + i) % milestoneTypes.length]!,
          dueDate: addDays(startDate, Math.floor((span * (i + 1)) / (milestoneCount + 1))),
        })),
      });
    }
    case 'contract.step': {
      // Mostly contracts on their way to approval, a running one a time in four, a closed one now and then.
      const toApproval = w.flag || w.c % 2 === 0;
      const c =
        pick(contracts(toApproval ? `status in ('draft', 'pending_approval')` : sqlIn('status', runningContractStatuses)), w.a) ??
        pick(contracts(w.d % 10 === 0 ? '1' : `status not in ('cancelled', 'terminated', 'completed')`), w.a);
      if (!c) return false;
      const transition = stepFor(c.status, w.b);
      const d = dept(c.department_id);
      const actor = transition === 'approve' || transition === 'return' ? d.approver : d.officer;
      return void transitionContract(db, actor, { contractId: c.id, transition, reason: '情况说明' });
    }
    case 'payment.record': {
      const c = pick(contracts(sqlIn('status', settlingContractStatuses)), w.a);
      if (!c) return false;
      const paid = db.$client.prepare(`select coalesce(sum(amount_fen), 0) from payments where contract_id = ?`).pluck().get(c.id) as number;
      const amountFen = w.flag ? c.value_fen - paid : 1 + (w.b % Math.max(c.value_fen - paid, 1));
      const paidOn = [addDays(c.start_date, w.c % 200), today].sort()[0]!;
      const milestone = w.d % 3 === 0 ? pick(rows<{ id: number }>(`select id from milestones where contract_id = ? and type = 'payment' order by id`, c.id), w.d) : undefined;
      return void recordPayment(db, dept(c.department_id).officer, { contractId: c.id, amountFen, paidOn, milestoneId: milestone?.id });
    }
    case 'milestone.status': {
      const m = pick(rows<{ id: number; department_id: number }>(`select m.id, c.department_id from milestones m join contracts c on c.id = m.contract_id order by m.id`), w.a);
      if (!m) return false;
      return void setMilestoneStatus(db, dept(m.department_id).officer, { milestoneId: m.id, status: pick(milestoneStatuses, w.b)! });
    }
    case 'deliverable.submit':
    case 'deliverable.resubmit': {
      const previous =
        w.kind === 'deliverable.resubmit'
          ? pick(rows<{ id: number; contract_id: number }>(`select d.id, d.contract_id from deliverables d where d.status = 'returned' and not exists (select 1 from deliverables n where n.supersedes_id = d.id) order by d.id`), w.a)
          : undefined;
      if (w.kind === 'deliverable.resubmit' && !previous) return false;
      const c = previous ? contracts(`id = ${previous.contract_id}`)[0] : pick(contracts(`status = 'active'`), w.a);
      if (!c) return false;
      const periodStart = addDays(c.start_date, w.b % 90);
      const periodEnd = addDays(periodStart, 30);
      const milestone = w.flag ? pick(rows<{ id: number }>(`select id from milestones where contract_id = ? order by id`, c.id), w.d) : undefined;
      // Submitted 25 to 34 days after the period, at any hour: either side of the 30-day line, in UTC and in Shanghai.
      const submittedAt = new Date(Date.parse(`${periodEnd}T00:00:00Z`) + (25 + (w.c % 10)) * 86_400_000 + (w.d % 24) * 3_600_000 + 30 * 60_000);
      return void withRecordedTime(submittedAt, () =>
        submitDeliverable(db, world.reporters.get(c.contractor_id)!, { contractId: c.id, title: `报告${w.a}`, periodStart, periodEnd, milestoneId: milestone?.id, supersedesId: previous?.id, indicators: { inspections_done: w.b % 50 } }),
      );
    }
    case 'deliverable.review': {
      const d = pick(rows<{ id: number; department_id: number }>(`select d.id, c.department_id from deliverables d join contracts c on c.id = d.contract_id where d.status = 'submitted' order by d.id`), w.a);
      if (!d) return false;
      return void reviewDeliverable(db, dept(d.department_id).officer, { deliverableId: d.id, decision: w.flag || w.b % 3 > 0 ? 'accept' : 'return', comment: '请补充材料' });
    }
    case 'evaluation.record': {
      const c = pick(contracts(publishedContractSql('status')), w.a);
      if (!c) return false;
      const assigned = rows<{ user_id: number }>(`select user_id from evaluator_assignments where contract_id = ? order by id`, c.id);
      const evaluator = w.flag ? world.evaluators.find((e) => assigned.some((a) => a.user_id === e.id)) : undefined;
      return void recordEvaluation(db, evaluator ?? dept(c.department_id).officer, {
        contractId: c.id,
        evaluatorKind: evaluator ? 'third_party' : pick(evaluatorKinds, w.b)!,
        periodStart: c.start_date,
        periodEnd: addDays(c.start_date, 89),
        scores: { quality: w.c % 101, timeliness: w.d % 101 },
        comment: '',
      });
    }
    case 'amendment.request': {
      const c = pick(contracts(`status = 'active'`), w.a);
      if (!c) return false;
      return void requestAmendment(db, dept(c.department_id).officer, {
        contractId: c.id,
        newValueFen: Math.max(10_000, c.value_fen + ((w.b % 21) - 10) * 10_000),
        newEndDate: w.flag ? addDays(c.end_date, 30) : undefined,
        rationale: '服务范围调整',
      });
    }
    case 'amendment.decide': {
      const a = pick(rows<{ id: number; department_id: number }>(`select a.id, c.department_id from amendments a join contracts c on c.id = a.contract_id where a.status = 'pending_approval' order by a.id`), w.a);
      if (!a) return false;
      return void decideAmendment(db, dept(a.department_id).approver, { amendmentId: a.id, decision: w.flag ? 'approve' : 'reject', comment: w.flag ? '' : '理由不足' });
    }
    case 'evaluator.assign': {
      const c = pick(contracts('1'), w.a);
      if (!c) return false;
      return void assignEvaluator(db, world.admin, { contractId: c.id, userId: pick(world.evaluators, w.b)!.id });
    }
  }
}
