import { hashSync } from '@node-rs/argon2';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contractors, departments, matters, milestones } from '../../db/schema';
import { buildActor, systemActor, type Actor } from '../auth/actor';
import { importCatalogue } from '../catalogue/import';
import { changeContractorVerification } from '../contractors/service';
import { csvChunks, restoreCsvCell } from '../csv/write';
import { decideAmendment, requestAmendment } from '../contracts/amendments';
import { sampleProcurement } from './procurement';
import { draftContract, recordPayment, setMilestoneStatus, transitionContract } from '../contracts/service';
import { reviewDeliverable, submitDeliverable } from '../deliverables/service';
import { recordEvaluation } from '../evaluations/service';
import type { Role } from '../domain/enums';
import { createUser } from '../users/service';
import { seedContractsSchema, type SeedContract } from './seed-files';
import { withRecordedTime } from '../shared/time';
import { addIndicator } from '../results/service';
import type { Indicator } from '../results/queries';
import { answered24h, lowerIsBetter, sampleIndicatorNames, satisfaction } from './indicators';

export const seedDir = path.join(process.cwd(), 'db', 'seed');

/** The one password of every demo account (demo mode only; documented in the README). */
export const DEMO_PASSWORD = 'longgang-demo-2026';
export const DEMO_DOMAIN = 'demo.longgang.example';

export const demoAccounts = {
  admin: `admin@${DEMO_DOMAIN}`,
  officer: `officer@${DEMO_DOMAIN}`,
  approver: `approver@${DEMO_DOMAIN}`,
  otherOfficer: `officer2@${DEMO_DOMAIN}`,
  auditor: `auditor@${DEMO_DOMAIN}`,
  contractor: `contractor@${DEMO_DOMAIN}`,
  evaluator: `evaluator@${DEMO_DOMAIN}`,
} as const;

const readSeed = (name: string) => readFileSync(path.join(seedDir, name), 'utf8');

type Staff = { officer: Actor; approver: Actor };

/**
 * Loads the sample Longgang registry into an empty database, every change through the same use cases a
 * person would trigger, so the audit trail of a fresh database tells the whole story and verifies.
 */
export function loadDemoData(db: Db): { contracts: number } {
  const seed = systemActor('sample data loader');

  // Contractors that are suspended or debarred today held contracts while verified: load them verified
  // and apply their present status at the end, as it happened.
  const laterStatus: { creditCode: string; status: string; reason: string }[] = [];
  const contractorCsv = readSeed('contractors.csv');
  const report = importCatalogue(
    db,
    seed,
    [
      { name: 'departments.csv', text: readSeed('departments.csv') },
      { name: 'contractors.csv', text: deferSanctions(contractorCsv, laterStatus) },
      { name: 'matters.csv', text: readSeed('matters.csv') },
    ],
    { dryRun: false, source: 'db/seed' },
  );
  if (!report.ok) {
    throw new Error(`sample catalogue is invalid:\n${report.problems.map((p) => `${p.file} row ${p.row} ${p.column ?? ''}: ${p.reason}`).join('\n')}`);
  }

  const passwordHash = hashSync(DEMO_PASSWORD);
  const users = new UserFactory(db, seed, passwordHash);
  const seedContracts = seedContractsSchema.parse(JSON.parse(readSeed('contracts.json')));

  const deptRows = db.select().from(departments).all();
  const deptOfMatter = new Map(db.select({ code: matters.code, departmentId: matters.departmentId, id: matters.id }).from(matters).all().map((m) => [m.code, m]));
  const contractorRows = db.select({ id: contractors.id, code: contractors.creditCode, nameZh: contractors.nameZh, kind: contractors.kind }).from(contractors).all();
  const contractorByCode = new Map(contractorRows.map((c) => [c.code, c]));

  // The demo officer works in the department that holds the first environmental matter.
  const demoDept = deptOfMatter.get('LG-ENV-001')?.departmentId ?? deptRows[0]!.id;
  const otherDept = deptRows.find((d) => d.id !== demoDept)!.id;
  const firstActive = seedContracts.find((c) => c.status === 'active' && deptOfMatter.get(c.matter)?.departmentId === demoDept) ?? seedContracts[0]!;
  const demoContractor = contractorByCode.get(firstActive.contractor)!;

  users.create(demoAccounts.admin, '演示管理员 Demo Admin', 'admin');
  users.create(demoAccounts.auditor, '演示审计员 Demo Auditor', 'auditor');
  users.create(demoAccounts.evaluator, '演示评估员 Demo Evaluator', 'evaluator');
  const staff = new Map<number, Staff>();
  for (const d of deptRows) {
    const main = d.id === demoDept;
    staff.set(d.id, {
      officer: users.create(main ? demoAccounts.officer : `officer.${slug(d.code)}@${DEMO_DOMAIN}`, `${d.nameZh}经办人`, 'officer', { departmentId: d.id, orgName: d.nameZh }),
      approver: users.create(main ? demoAccounts.approver : `approver.${slug(d.code)}@${DEMO_DOMAIN}`, `${d.nameZh}审批人`, 'approver', { departmentId: d.id, orgName: d.nameZh }),
    });
    if (d.id === otherDept) users.create(demoAccounts.otherOfficer, `${d.nameZh}经办人（二）`, 'officer', { departmentId: d.id, orgName: d.nameZh });
  }
  const reporters = new Map<number, Actor>();
  const reporterFor = (contractorId: number, nameZh: string) => {
    let r = reporters.get(contractorId);
    if (!r) {
      const email = contractorId === demoContractor.id ? demoAccounts.contractor : `reporter.${contractorId}@${DEMO_DOMAIN}`;
      r = users.create(email, `${nameZh}填报员`, 'contractor', { contractorId, orgName: nameZh });
      reporters.set(contractorId, r);
    }
    return r;
  };

  // Each matter's indicators, added by its department's officer: the keys its sample reports use (at most four,
  // the most reported first), resident satisfaction, and for city, environment and safety matters the share of
  // complaints answered within 24 hours.
  const indicatorsOf = new Map<number, Indicator[]>();
  for (const [code, matter] of deptOfMatter) {
    const used = new Map<string, number>();
    for (const sc of seedContracts.filter((c) => c.matter === code)) for (const d of sc.deliverables) for (const k of Object.keys(d.indicators)) if (sampleIndicatorNames[k]) used.set(k, (used.get(k) ?? 0) + 1);
    const keys = [...used].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 4).map(([k]) => k);
    const officer = staff.get(matter.departmentId)!.officer;
    const list: Indicator[] = keys.map((k) => {
      const [nameZh, nameEn, unit, kind = 'output_quantity'] = sampleIndicatorNames[k]!;
      return addIndicator(db, officer, { matterId: matter.id, code: k, nameZh, nameEn, unit, kind, direction: lowerIsBetter.has(k) ? 'lower' : 'higher' });
    });
    list.push(addIndicator(db, officer, { matterId: matter.id, ...satisfaction }));
    if (/^LG-(URB|ENV|SAF)-/.test(code)) list.push(addIndicator(db, officer, { matterId: matter.id, ...answered24h }));
    indicatorsOf.set(matter.id, list);
  }

  const contractIds = new Map<string, number>();
  let contractNumber = 0;
  for (const sc of seedContracts) {
    const matter = deptOfMatter.get(sc.matter);
    const contractor = contractorByCode.get(sc.contractor);
    if (!matter || !contractor) throw new Error(`contracts.json ${sc.key}: unknown matter or contractor`);
    const { officer, approver } = staff.get(matter.departmentId)!;
    const id = loadContract(db, sc, { indicators: indicatorsOf.get(matter.id) ?? [], behind: contractNumber++ % 4 === 3, matterId: matter.id, contractorId: contractor.id, officer, approver, reporter: reporterFor(contractor.id, contractor.nameZh), renewalOfId: sc.renewalOf ? contractIds.get(sc.renewalOf) : undefined, procurement: sampleProcurement(sc, contractor, contractorRows) });
    contractIds.set(sc.key, id);
  }

  const admin = users.actor(demoAccounts.admin);
  for (const s of laterStatus) {
    changeContractorVerification(db, admin, { contractorId: contractorByCode.get(s.creditCode)!.id, to: s.status, reason: s.reason });
  }
  return { contracts: contractIds.size };
}

const DAY = 86_400_000;
/** A past moment for a sample record: the date at 10:00 Shanghai plus some days, never after now. */
function at(date: string, plusDays = 0): Date {
  const t = new Date(`${date}T10:00:00+08:00`).getTime() + plusDays * DAY;
  return new Date(Math.min(t, Date.now() - DAY));
}

function loadContract(
  db: Db,
  sc: SeedContract,
  ctx: { indicators: Indicator[]; behind: boolean; matterId: number; contractorId: number; officer: Actor; approver: Actor; reporter: Actor; renewalOfId?: number; procurement: ReturnType<typeof sampleProcurement> },
): number {
  const { targets, resultsOf } = sampleTargets(sc, ctx.indicators, ctx.behind);
  const { contract } = withRecordedTime(at(sc.start, -30), () => draftContract(db, ctx.officer, {
    matterId: ctx.matterId,
    contractorId: ctx.contractorId,
    valueFen: sc.valueFen,
    startDate: sc.start,
    endDate: sc.end,
    justification: sc.justification ?? undefined,
    terms: sc.termsZh,
    noSubcontractDeclared: true,
    renewalOfId: ctx.renewalOfId,
    milestones: sc.milestones.map((m) => ({ title: m.titleZh, type: m.type, dueDate: m.due })),
    procurement: ctx.procurement,
    targets,
  }));
  const id = contract.id;
  const step = (actor: Actor, transition: string, when: Date, reason?: string) => withRecordedTime(when, () => transitionContract(db, actor, { contractId: id, transition, reason }));

  if (sc.status === 'draft') return id;
  if (sc.status === 'cancelled') {
    step(ctx.officer, 'cancel', at(sc.start, -10), sc.statusReason ?? '计划调整');
    return id;
  }
  step(ctx.officer, 'submit', at(sc.start, -20));
  if (sc.status === 'pending_approval') return id;
  step(ctx.approver, 'approve', at(sc.start, -10));

  // Everything that happened while the contract ran, done in the order it happened, so that each published
  // change (and the OCDS release it makes) carries a later time than the one before.
  const milestoneIds = db.select({ id: milestones.id }).from(milestones).where(eq(milestones.contractId, id)).orderBy(milestones.id).all().map((m) => m.id);
  const events: { when: Date; run: () => void }[] = [];
  sc.deliverables.forEach((d, n) => {
    // Most reports arrive within ten days of their period; every seventh is late.
    const submitted = at(d.periodEnd, n % 7 === 6 ? 45 : 3 + (n % 8));
    let deliverableId = 0;
    events.push({
      when: submitted,
      run: () => {
        deliverableId = submitDeliverable(db, ctx.reporter, {
          contractId: id,
          milestoneId: d.milestone === null ? undefined : milestoneIds[d.milestone],
          title: d.titleZh,
          periodStart: d.periodStart,
          periodEnd: d.periodEnd,
          description: d.descriptionZh,
          results: resultsOf(d, n),
        }).id;
      },
    });
    if (d.status !== 'submitted') {
      events.push({
        when: new Date(Math.min(submitted.getTime() + 5 * DAY, Date.now() - DAY)),
        run: () => reviewDeliverable(db, ctx.officer, { deliverableId, decision: d.status === 'accepted' ? 'accept' : 'return', comment: d.reviewComment ?? '' }),
      });
    }
  });
  for (const p of sc.payments) {
    events.push({ when: at(p.date), run: () => recordPayment(db, ctx.officer, { contractId: id, amountFen: p.amountFen, paidOn: p.date, milestoneId: p.milestone === null ? undefined : milestoneIds[p.milestone] }) });
  }
  sc.milestones.forEach((m, i) => {
    if (m.status === 'scheduled') return;
    // A payment against a scheduled payment milestone records it as met, and a recorded result is final:
    // a milestone only partially met or not met gets its result before the first payment against it.
    const paidAt = sc.payments.filter((p) => p.milestone === i).map((p) => at(p.date).getTime() - 1);
    const when = m.status === 'met' ? at(m.due, 5) : new Date(Math.min(at(m.due, 5).getTime(), ...paidAt));
    events.push({ when, run: () => setMilestoneStatus(db, ctx.officer, { milestoneId: milestoneIds[i], status: m.status }) });
  });
  for (const a of sc.amendments) {
    let amendmentId = 0;
    events.push({
      when: at(a.date),
      run: () => {
        amendmentId = requestAmendment(db, ctx.officer, { contractId: id, rationale: a.rationaleZh, newValueFen: a.newValueFen, newEndDate: a.newEndDate }).id;
      },
    });
    if (a.decision !== 'pending') events.push({ when: at(a.date, 3), run: () => decideAmendment(db, ctx.approver, { amendmentId, decision: a.decision }) });
  }
  for (const e of sc.evaluations) {
    events.push({ when: at(e.periodEnd, 20), run: () => recordEvaluation(db, ctx.officer, { contractId: id, evaluatorKind: e.kind, periodStart: e.periodStart, periodEnd: e.periodEnd, scores: e.scores, comment: e.commentZh ?? '' }) });
  }
  // Sorted by time (stable), and never earlier than the step before.
  let last = at(sc.start, -10);
  for (const e of events.sort((a, b) => a.when.getTime() - b.when.getTime())) {
    last = new Date(Math.max(e.when.getTime(), last.getTime()));
    withRecordedTime(last, e.run);
  }
  // The contract's last step comes after all its work, an hour after the latest if planned earlier.
  const final = (planned: Date) => new Date(Math.max(planned.getTime(), events.length > 0 ? last.getTime() + 3_600_000 : 0));
  if (sc.status === 'completed') step(ctx.officer, 'complete', final(at(sc.end, 10)));
  if (sc.status === 'suspended') step(ctx.officer, 'suspend', final(at(sc.start, 90)), sc.statusReason ?? '暂停服务');
  if (sc.status === 'terminated') step(ctx.officer, 'terminate', final(at(sc.start, 120)), sc.statusReason ?? '提前终止');
  return id;
}

/**
 * A sample contract's whole-term targets and each report's results. A count's target is what the reports'
 * pace would reach over the whole term (mean per report × reports the term holds), a quarter higher on a
 * contract that falls `behind`; satisfaction targets 90% and complaints answered within 24 hours 95%, and a
 * contract behind reports a little under them.
 */
function sampleTargets(sc: SeedContract, indicators: Indicator[], behind: boolean) {
  const termDays = (Date.parse(sc.end) - Date.parse(sc.start)) / DAY + 1;
  const targets: Record<string, string> = {};
  for (const i of indicators) {
    if (i.unit === 'percent') {
      targets[i.code] = i.code === satisfaction.code ? '90' : '95';
      continue;
    }
    const reports = sc.deliverables.filter((d) => typeof d.indicators[i.code] === 'number');
    if (reports.length === 0) continue;
    const mean = reports.reduce((s, d) => s + d.indicators[i.code]!, 0) / reports.length;
    const periodDays = reports.reduce((s, d) => s + (Date.parse(d.periodEnd) - Date.parse(d.periodStart)) / DAY + 1, 0) / reports.length;
    const pace = mean * Math.max(1, termDays / periodDays);
    targets[i.code] = String(Math.max(1, Math.round(i.direction === 'lower' ? pace * (behind ? 0.6 : 1.2) : pace * (behind ? 1.25 : 1))));
  }
  const resultsOf = (d: SeedContract['deliverables'][number], n: number): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const i of indicators) {
      if (i.code === satisfaction.code) out[i.code] = String(behind ? 84 + (n % 5) : 90 + ((n * 3) % 9));
      else if (i.code === answered24h.code) out[i.code] = (behind ? 88 + (n % 6) + 0.5 : 95 + (n % 5)).toFixed(1);
      else if (typeof d.indicators[i.code] === 'number') out[i.code] = String(d.indicators[i.code]);
    }
    return out;
  };
  return { targets, resultsOf };
}

/** Rewrites suspended/debarred rows of the contractors CSV as verified and remembers their real status. */
function deferSanctions(csv: string, later: { creditCode: string; status: string; reason: string }[]): string {
  // Cells read as the import reads them (one leading apostrophe dropped) and written back by the registry's CSV
  // writer, whose apostrophes the import drops again (lib/csv/write.ts): the file imports as the seed would.
  const rows = (parse(csv, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[]).map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, restoreCsvCell(v)])),
  );
  for (const row of rows) {
    if (row.verification_status !== 'suspended' && row.verification_status !== 'debarred') continue;
    later.push({ creditCode: row.credit_code!, status: row.verification_status, reason: row.status_reason! });
    row.verification_status = 'verified';
    row.status_reason = '';
  }
  return [...csvChunks(rows, Object.keys(rows[0] ?? {}))].join('');
}

const slug = (code: string) => code.toLowerCase().replace(/^lg-d-/, '');

class UserFactory {
  private readonly actors = new Map<string, Actor>();
  constructor(
    private readonly db: Db,
    private readonly by: Actor,
    private readonly passwordHash: string,
  ) {}

  create(email: string, name: string, role: Role, scope: { departmentId?: number; contractorId?: number; orgName?: string } = {}): Actor {
    const row = createUser(this.db, this.by, { email, name, role, departmentId: scope.departmentId ?? null, contractorId: scope.contractorId ?? null, passwordHash: this.passwordHash });
    const actor = buildActor({ id: row.id, name, role, departmentId: row.departmentId, contractorId: row.contractorId, orgName: scope.orgName ?? null });
    this.actors.set(email, actor);
    return actor;
  }

  actor(email: string): Actor {
    return this.actors.get(email)!;
  }
}
