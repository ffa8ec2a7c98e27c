import { hashSync } from '@node-rs/argon2';
import type { Db } from '../../db/client';
import { buildActor, systemActor, type Actor } from '../auth/actor';
import { createContractor } from '../contractors/service';
import { usccCheckCharacter } from '../contractors/uscc';
import { draftContract, transitionContract } from '../contracts/service';
import { createDepartment } from '../departments/service';
import { submitDeliverable } from '../deliverables/service';
import type { Role } from '../domain/enums';
import { createMatter } from '../matters/service';
import { addIndicator } from '../results/service';
import { createUser } from '../users/service';
import { testDb } from './db';

export const FIXTURE_PASSWORD = 'correct horse battery staple';

/**
 * A small registry with two of everything, for authorization and scope tests: department A and B,
 * contractor X and Y, a user of every role, and contracts in both departments.
 */
export function buildFixture(db: Db = testDb()) {
  const sys = systemActor('fixture');
  const hash = hashSync(FIXTURE_PASSWORD);
  const deptA = createDepartment(db, sys, { code: 'LG-D-AAA', nameZh: '甲局', nameEn: 'Bureau A', kind: 'government' });
  const deptB = createDepartment(db, sys, { code: 'LG-D-BBB', nameZh: '乙局', nameEn: 'Bureau B', kind: 'government' });
  const contractorX = createContractor(db, sys, { nameZh: '甲公司', nameEn: 'X Co.', kind: 'enterprise_institution', creditCode: '91350100M000100Y43', legalRepresentative: '张三', verificationStatus: 'verified' });
  const contractorY = createContractor(db, sys, { nameZh: '乙协会', nameEn: 'Y Association', kind: 'social_organization', creditCode: usccFor('51330383MJ000001'), legalRepresentative: '李四', verificationStatus: 'verified' });
  const matterA = createMatter(db, sys, { code: 'LG-ENV-001', titleZh: '污染源巡查', titleEn: 'Pollution inspection', category: 'environment', departmentId: deptA.id, annualBudgetFen: 100_000_00, catalogueStatus: 'listed' });
  const matterB = createMatter(db, sys, { code: 'LG-SAF-001', titleZh: '安全检查', titleEn: 'Safety inspection', category: 'safety', departmentId: deptB.id, annualBudgetFen: 100_000_00, catalogueStatus: 'listed' });

  const user = (email: string, role: Role, scope: { departmentId?: number; contractorId?: number } = {}, orgName: string | null = null): Actor => {
    const row = createUser(db, sys, { email, name: email.split('@')[0]!, role, departmentId: scope.departmentId ?? null, contractorId: scope.contractorId ?? null, passwordHash: hash });
    return buildActor({ id: row.id, name: row.name, role, departmentId: row.departmentId, contractorId: row.contractorId, orgName });
  };
  const actors = {
    admin: user('admin@test.example', 'admin'),
    officerA: user('officer.a@test.example', 'officer', { departmentId: deptA.id }, '甲局'),
    approverA: user('approver.a@test.example', 'approver', { departmentId: deptA.id }, '甲局'),
    officerB: user('officer.b@test.example', 'officer', { departmentId: deptB.id }, '乙局'),
    approverB: user('approver.b@test.example', 'approver', { departmentId: deptB.id }, '乙局'),
    auditor: user('auditor@test.example', 'auditor'),
    contractorX: user('x@test.example', 'contractor', { contractorId: contractorX.id }, '甲公司'),
    contractorY: user('y@test.example', 'contractor', { contractorId: contractorY.id }, '乙协会'),
    evaluator: user('evaluator@test.example', 'evaluator'),
  };

  // Matter A measures enterprises inspected (lib/results); its active contract has a target for it.
  const indicatorA = addIndicator(db, actors.officerA, { matterId: matterA.id, code: 'inspections_done', nameZh: '巡查企业数', nameEn: 'Enterprises inspected', unit: 'enterprises', kind: 'output_quantity', direction: 'higher' });
  const period = { startDate: '2026-01-01', endDate: '2026-12-31', noSubcontractDeclared: true as const };
  const activeA = draftContract(db, actors.officerA, { matterId: matterA.id, contractorId: contractorX.id, valueFen: 50_000_00, ...period, milestones: [{ title: '付款', type: 'payment', dueDate: '2026-06-30' }], targets: { inspections_done: '40' } }).contract;
  transitionContract(db, actors.officerA, { contractId: activeA.id, transition: 'submit' });
  transitionContract(db, actors.approverA, { contractId: activeA.id, transition: 'approve' });
  const pendingA = draftContract(db, actors.officerA, { matterId: matterA.id, contractorId: contractorX.id, valueFen: 10_000_00, ...period }).contract;
  transitionContract(db, actors.officerA, { contractId: pendingA.id, transition: 'submit' });
  const activeB = draftContract(db, actors.officerB, { matterId: matterB.id, contractorId: contractorY.id, valueFen: 50_000_00, ...period }).contract;
  transitionContract(db, actors.officerB, { contractId: activeB.id, transition: 'submit' });
  transitionContract(db, actors.approverB, { contractId: activeB.id, transition: 'approve' });
  const deliverableA = submitDeliverable(db, actors.contractorX, { contractId: activeA.id, title: '一季度报告', periodStart: '2026-01-01', periodEnd: '2026-03-31', results: { inspections_done: '12' } });
  const deliverableB = submitDeliverable(db, actors.contractorY, { contractId: activeB.id, title: 'Q1', periodStart: '2026-01-01', periodEnd: '2026-03-31' });

  return { db, actors, deptA, deptB, contractorX, contractorY, matterA, matterB, indicatorA, activeA, pendingA, activeB, deliverableA, deliverableB };
}

export type Fixture = ReturnType<typeof buildFixture>;

/** Completes a 17-character stem (padded with 0) into a valid credit code. */
export function usccFor(stem: string): string {
  const first17 = stem.padEnd(17, '0').slice(0, 17);
  return first17 + usccCheckCharacter(first17);
}

/** Every row of every table, to show that a refused call changed nothing. */
export function snapshot(db: Db): string {
  const tables = db.$client.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%_fts%' and name <> '__drizzle_migrations' order by name`).pluck().all() as string[];
  return JSON.stringify(tables.map((t) => [t, db.$client.prepare(`select * from "${t}" order by rowid`).all()]));
}
