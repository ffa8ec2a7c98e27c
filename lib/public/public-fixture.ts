import { systemActor } from '../auth/actor';
import { createContractor } from '../contractors/service';
import { draftContract, recordPayment, transitionContract } from '../contracts/service';
import { reviewDeliverable, submitDeliverable } from '../deliverables/service';
import { recordEvaluation } from '../evaluations/service';
import { createMatter } from '../matters/service';
import { buildFixture, usccFor } from '../testing/fixture';
import { nowIso } from '../shared/time';

/**
 * The authorization fixture plus everything the public must and must not see: a draft matter, a draft
 * and a cancelled contract, accepted and returned work, payments, an evaluation, an approved and a
 * pending amendment, and a contractor with personal contact details.
 */
export function buildPublicFixture() {
  const f = buildFixture();
  const { db, actors } = f;
  const sys = systemActor('fixture');
  const secrets = {
    legalRepresentative: '王秘密',
    contactPhone: '0577-12345678',
    contactEmail: 'boss@contractor.example',
    returnedTitle: 'RETURNED-WORK-TITLE',
    returnComment: 'RETURN-COMMENT-TEXT',
    submittedTitle: 'SUBMITTED-NOT-REVIEWED',
    pendingRationale: 'PENDING-AMENDMENT-RATIONALE',
    draftTerms: 'DRAFT-CONTRACT-TERMS',
  };
  const contractorZ = createContractor(db, sys, {
    nameZh: '丙大学',
    nameEn: 'Z University',
    kind: 'university',
    creditCode: usccFor('12330383MB00000'),
    legalRepresentative: secrets.legalRepresentative,
    contactPhone: secrets.contactPhone,
    contactEmail: secrets.contactEmail,
    verificationStatus: 'verified',
  });
  const draftMatter = createMatter(db, sys, { code: 'LG-ENV-099', titleZh: '草稿事项', titleEn: 'Draft matter', category: 'environment', departmentId: f.deptA.id, annualBudgetFen: 1_000_00, catalogueStatus: 'draft' });
  const withdrawnMatter = createMatter(db, sys, {
    code: 'LG-CUL-001',
    titleZh: '文化活动',
    titleEn: 'Cultural events 100%_done',
    category: 'culture_sport',
    departmentId: f.deptB.id,
    annualBudgetFen: 1_000_00,
    catalogueStatus: 'withdrawn',
    withdrawalReason: '职能收回',
  });

  const draft = draftContract(db, actors.officerA, { matterId: f.matterA.id, contractorId: contractorZ.id, valueFen: 9_000_00, startDate: '2026-01-01', endDate: '2026-12-31', terms: secrets.draftTerms, noSubcontractDeclared: true }).contract;
  const cancelled = draftContract(db, actors.officerB, { matterId: f.matterB.id, contractorId: contractorZ.id, valueFen: 8_000_00, startDate: '2026-01-01', endDate: '2026-12-31', noSubcontractDeclared: true }).contract;
  transitionContract(db, actors.officerB, { contractId: cancelled.id, transition: 'cancel', reason: '计划调整' });
  const completed = draftContract(db, actors.officerA, { matterId: f.matterA.id, contractorId: contractorZ.id, valueFen: 20_000_00, startDate: '2025-01-01', endDate: '2025-12-31', noSubcontractDeclared: true }).contract;
  transitionContract(db, actors.officerA, { contractId: completed.id, transition: 'submit' });
  transitionContract(db, actors.approverA, { contractId: completed.id, transition: 'approve' });
  transitionContract(db, actors.officerA, { contractId: completed.id, transition: 'complete' });

  // deliverableA (contractor X, contract activeA) is accepted; deliverableB is returned and resubmitted.
  reviewDeliverable(db, actors.officerA, { deliverableId: f.deliverableA.id, decision: 'accept' });
  submitDeliverable(db, actors.contractorX, { contractId: f.activeA.id, title: secrets.submittedTitle, periodStart: '2026-04-01', periodEnd: '2026-06-30' });
  const returned = submitDeliverable(db, actors.contractorY, { contractId: f.activeB.id, title: secrets.returnedTitle, periodStart: '2026-04-01', periodEnd: '2026-06-30' });
  reviewDeliverable(db, actors.officerB, { deliverableId: returned.id, decision: 'return', comment: secrets.returnComment });

  recordPayment(db, actors.officerA, { contractId: f.activeA.id, amountFen: 10_000_00, paidOn: '2026-02-01' });
  recordEvaluation(db, actors.officerA, { contractId: f.activeA.id, evaluatorKind: 'third_party', periodStart: '2026-01-01', periodEnd: '2026-03-31', scores: { timeliness: 90, quality: 80 }, comment: '' });

  const now = nowIso();
  const amendment = (status: 'approved' | 'pending_approval', rationale: string) =>
    db.$client
      .prepare(
        `insert into amendments (contract_id, status, rationale, previous_value_fen, new_value_fen, previous_end_date, new_end_date, previous_terms, new_terms, requested_by, decided_by, decided_at, created_at)
         values (?, ?, ?, 5000000, 6000000, '2026-12-31', '2027-03-31', '', '', ?, ?, ?, ?)`,
      )
      .run(f.activeA.id, status, rationale, actors.officerA.id, status === 'approved' ? actors.approverA.id : null, status === 'approved' ? now : null, now);
  amendment('approved', '增加巡查点位');
  amendment('pending_approval', secrets.pendingRationale);

  return { ...f, contractorZ, draftMatter, withdrawnMatter, draft, cancelled, completed, secrets };
}
