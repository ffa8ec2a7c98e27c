import type { MilestoneStatus, MilestoneType } from '../domain/enums';
import { tenderSection } from '../procurement/ocds';
import type { PublishedContractStatus } from '../public/dto';
import { toShanghaiOffset } from '../shared/time';
import { contractMetrics } from './metrics';
import type { ContractSnapshot } from './snapshot';

// One OCDS 1.1.5 release of a published contract, built from its snapshot. Fields outside the core schema
// are declared by the registry's extension (lib/ocds/extension/): contracts[].statusDetails, statusReason,
// statusDate, matterCode, matterCategory and parties[].details.contractorKind; targets and results by the
// OCDS Metrics extension (lib/ocds/metrics.ts): contracts[].agreedMetrics, contracts[].implementation.metrics.
// Empty lists are left out.

/** Contract statuses onto the closed contractStatus codelist; the registry's own status goes in statusDetails. */
export const ocdsContractStatus: Record<PublishedContractStatus, 'active' | 'terminated'> = {
  active: 'active',
  suspended: 'active',
  completed: 'terminated',
  terminated: 'terminated',
};

const ocdsMilestoneStatus: Record<MilestoneStatus, string> = { scheduled: 'scheduled', met: 'met', partially_met: 'partiallyMet', not_met: 'notMet' };
const ocdsMilestoneType: Record<MilestoneType, string> = { delivery: 'delivery', reporting: 'reporting', payment: 'payment' };

const startOfDay = (date: string) => `${date}T00:00:00+08:00`;
const endOfDay = (date: string) => `${date}T23:59:59+08:00`;
const cny = (fen: number) => ({ amount: fen / 100, currency: 'CNY' });
const instant = (utc: string | null) => (utc ? toShanghaiOffset(utc) : undefined);
const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const ocidOf = (prefix: string, reference: string) => `${prefix}${reference}`;

/** A party id from its identifier (scheme and code), like `CN-USCC-913303837…`. */
const partyId = (code: string | null, fallback: string) => (code ? `CN-USCC-${code}` : fallback);

type Amendment = ContractSnapshot['amendments'][number];

/** Only the fields the amendment changed, in Chinese and in English. */
export function amendmentDescriptions(a: Pick<Amendment, 'previousValueFen' | 'newValueFen' | 'previousEndDate' | 'newEndDate' | 'termsChanged'> & { procurementChanged?: boolean }): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  if (a.previousValueFen !== a.newValueFen) {
    zh.push(`合同金额由 ${yuan(a.previousValueFen)} 元变更为 ${yuan(a.newValueFen)} 元`);
    en.push(`value changed from CNY ${yuan(a.previousValueFen)} to CNY ${yuan(a.newValueFen)}`);
  }
  if (a.previousEndDate !== a.newEndDate) {
    zh.push(`结束日期由 ${a.previousEndDate} 变更为 ${a.newEndDate}`);
    en.push(`end date changed from ${a.previousEndDate} to ${a.newEndDate}`);
  }
  if (a.termsChanged) {
    zh.push('合同条款已修改');
    en.push('terms changed');
  }
  if (a.procurementChanged) {
    zh.push('采购方式与竞争情况的记录已更新（见 tender 部分）');
    en.push('the record of how the contractor was chosen was replaced (see tender)');
  }
  const english = en.join('; ');
  return { zh: zh.length > 0 ? `${zh.join('；')}。` : '无字段变更。', en: english ? `${english[0]!.toUpperCase()}${english.slice(1)}.` : 'No field changed.' };
}

/** The release's content: everything but its id, date and tag. `releaseId`/`previousReleaseId` fill the amendments not yet published. */
export function buildReleaseContent(c: ContractSnapshot, prefix: string, ids: { releaseId: string; previousReleaseId: string | null }) {
  const ocid = ocidOf(prefix, c.reference);
  const buyerRef = { id: partyId(c.department.creditCode, `department-${c.department.code}`), name: c.department.nameZh };
  const supplierRef = { id: partyId(c.contractor.creditCode, `contractor-${c.contractor.id}`), name: c.contractor.nameZh };
  const awardId = `${c.reference}-award`;
  // The award keeps what was awarded: the value before the first approved amendment.
  const awardedFen = c.amendments[0]?.previousValueFen ?? c.valueFen;
  const signed = instant(c.approvedAt);

  const milestones = c.milestones.map((m) => ({
    id: `milestone-${m.id}`,
    title: m.title,
    type: ocdsMilestoneType[m.type],
    dueDate: endOfDay(m.dueDate),
    status: ocdsMilestoneStatus[m.status],
  }));
  const transactions = c.payments.map((p) => ({
    id: `payment-${p.id}`,
    date: startOfDay(p.paidOn),
    value: cny(p.amountFen),
    payer: buyerRef,
    payee: supplierRef,
  }));
  const documents = c.acceptedDeliverables.map((d) => ({
    id: `deliverable-${d.id}`,
    documentType: 'physicalProgressReport',
    title: d.title,
    description: `报告期 ${d.periodStart} 至 ${d.periodEnd}，已验收。`,
    description_en: `Reporting period ${d.periodStart} to ${d.periodEnd}, accepted.`,
    ...(d.acceptedAt ? { datePublished: toShanghaiOffset(d.acceptedAt) } : {}),
    language: 'zh',
  }));
  const amendments = c.amendments.map((a) => {
    const text = amendmentDescriptions(a);
    const releaseID = a.releaseId ?? ids.releaseId;
    const amendsReleaseID = a.releaseId ? a.amendsReleaseId : ids.previousReleaseId;
    return {
      id: `amendment-${a.id}`,
      ...(a.approvedAt ? { date: toShanghaiOffset(a.approvedAt) } : {}),
      rationale: a.rationale,
      description: text.zh,
      description_en: text.en,
      ...(amendsReleaseID ? { amendsReleaseID } : {}),
      releaseID,
    };
  });
  // Targets and accepted results (issue 17), read by lib/ocds/snapshot.ts.
  const metrics = c.results ? contractMetrics({ ...c.results, term: { startDate: c.startDate, endDate: c.endDate } }) : {};
  const implementation = {
    ...(transactions.length > 0 ? { transactions } : {}),
    ...(documents.length > 0 ? { documents } : {}),
    ...(metrics.implementationMetrics ? { metrics: metrics.implementationMetrics } : {}),
  };
  const ended = c.status === 'suspended' || c.status === 'terminated';
  const chosen = c.procurement ? tenderSection(c.procurement, { ...supplierRef, creditCode: c.contractor.creditCode }) : null;

  return {
    ocid,
    initiationType: 'tender',
    language: 'zh',
    parties: [
      {
        ...buyerRef,
        name_en: c.department.nameEn,
        ...(c.department.creditCode ? { identifier: { scheme: 'CN-USCC', id: c.department.creditCode, legalName: c.department.nameZh, legalName_en: c.department.nameEn } } : {}),
        roles: ['buyer', 'procuringEntity', 'payer'],
      },
      {
        ...supplierRef,
        name_en: c.contractor.nameEn,
        identifier: { scheme: 'CN-USCC', id: c.contractor.creditCode, legalName: c.contractor.nameZh, legalName_en: c.contractor.nameEn },
        roles: chosen?.supplierIsTenderer ? ['supplier', 'payee', 'tenderer'] : ['supplier', 'payee'],
        details: { contractorKind: c.contractor.kind },
      },
      ...(chosen?.parties ?? []),
    ],
    buyer: buyerRef,
    tender: {
      id: `${c.reference}-tender`,
      title: c.matter.titleZh,
      title_en: c.matter.titleEn,
      status: 'complete',
      procuringEntity: buyerRef,
      mainProcurementCategory: 'services',
      ...chosen?.tender,
    },
    awards: [
      {
        id: awardId,
        title: c.matter.titleZh,
        title_en: c.matter.titleEn,
        status: 'active',
        ...(signed ? { date: signed } : {}),
        value: cny(awardedFen),
        suppliers: [supplierRef],
      },
    ],
    contracts: [
      {
        id: c.reference,
        awardID: awardId,
        title: c.matter.titleZh,
        title_en: c.matter.titleEn,
        status: ocdsContractStatus[c.status],
        statusDetails: c.status,
        ...(ended && c.statusReason ? { statusReason: c.statusReason } : {}),
        ...(c.statusChangedAt ? { statusDate: toShanghaiOffset(c.statusChangedAt) } : {}),
        period: { startDate: startOfDay(c.startDate), endDate: endOfDay(c.endDate) },
        value: cny(c.valueFen),
        ...(signed ? { dateSigned: signed } : {}),
        ...(milestones.length > 0 ? { milestones } : {}),
        ...(metrics.agreedMetrics ? { agreedMetrics: metrics.agreedMetrics } : {}),
        ...(Object.keys(implementation).length > 0 ? { implementation } : {}),
        ...(amendments.length > 0 ? { amendments } : {}),
        matterCode: c.matter.code,
        matterCategory: c.matter.category,
      },
    ],
    ...(c.renewalOf
      ? { relatedProcesses: [{ id: 'prior-1', relationship: ['prior'], title: c.renewalOf, scheme: 'ocid', identifier: ocidOf(prefix, c.renewalOf) }] }
      : {}),
  };
}

export type ReleaseContent = ReturnType<typeof buildReleaseContent>;
export type Release = { ocid: string; id: string; date: string; tag: string[] } & Omit<ReleaseContent, 'ocid'>;

/**
 * The audit actions whose writes can change what a release says, and the releaseTag each stands for.
 * A release's tags are those of the causes in its transaction; the first release of a contract is its award.
 */
export const releaseTagOfAction: Record<string, string> = {
  'contract.approved': 'contract',
  'contract.suspended': 'contractUpdate',
  'contract.resumed': 'contractUpdate',
  'contract.completed': 'contractTermination',
  'contract.terminated': 'contractTermination',
  'amendment.approved': 'contractAmendment',
  // New targets agreed (drafting, or an amendment's approval, which carries its own tag).
  'contract.targets_set': 'contractUpdate',
  'payment.recorded': 'implementation',
  'milestone.status_changed': 'implementation',
  'milestone.created': 'implementation',
  'deliverable.accepted': 'implementation',
};

const tagOrder = ['award', 'awardUpdate', 'contract', 'contractUpdate', 'contractAmendment', 'implementation', 'implementationUpdate', 'contractTermination'];

export function releaseTags(actions: Iterable<string>, first: boolean): string[] {
  const tags = new Set<string>(first ? ['award', 'contract'] : []);
  for (const action of actions) {
    const tag = releaseTagOfAction[action];
    if (tag) tags.add(tag);
  }
  // A later release caused by something else (a renamed party, say) still needs a tag.
  if (tags.size === 0) tags.add('contractUpdate');
  // contract/award belong to the first release only; later ones update.
  if (!first) {
    if (tags.delete('contract')) tags.add('contractUpdate');
  }
  return [...tags].sort((a, b) => tagOrder.indexOf(a) - tagOrder.indexOf(b));
}
