import { contractorKinds, evaluatorKinds, grades, matterCategories, milestoneStatuses, milestoneTypes, verificationStatuses } from '../domain/enums';
import type {
  PublicAcceptedDeliverable,
  PublicAmendment,
  PublicContractDetail,
  PublicContractListItem,
  PublicContractorDetail,
  PublicContractorListItem,
  PublicEvaluation,
  PublicMatterDetail,
  PublicMatterListItem,
  PublicMilestone,
  PublicPayment,
  PublicStats,
} from './dto';
import { matterServiceStatuses, publishedContractStatuses } from './dto';
import { contractDownloadColumns, contractorDownloadColumns, matterDownloadColumns } from './queries';

// What the API page documents. A unit test checks these lists against real responses, so a field that is
// added to a DTO and not documented here fails the build.

const fields = <T>() => <K extends readonly (keyof T & string)[]>(keys: K) => keys;

const matterListItem = fields<PublicMatterListItem>()(['code', 'titleZh', 'titleEn', 'category', 'department', 'catalogueStatus', 'serviceStatus', 'annualBudgetFen', 'currentContractors'] as const);
const contractListItem = fields<PublicContractListItem>()(['reference', 'status', 'valueFen', 'amountPaidFen', 'startDate', 'endDate', 'matter', 'department', 'contractor'] as const);

export const apiObjects = {
  matterListItem,
  matterDetail: fields<PublicMatterDetail>()([...matterListItem, 'descriptionZh', 'descriptionEn', 'legalBasis', 'serviceStandard', 'withdrawalReason', 'contracts', 'acceptedDeliverables', 'evaluations'] as const),
  contractorListItem: fields<PublicContractorListItem>()(['id', 'nameZh', 'nameEn', 'kind', 'creditCode', 'verificationStatus', 'publishedContracts', 'activeContracts'] as const),
  contractorDetail: fields<PublicContractorDetail>()(['id', 'nameZh', 'nameEn', 'kind', 'creditCode', 'verificationStatus', 'record', 'contracts', 'evaluations'] as const),
  contractListItem,
  contractDetail: fields<PublicContractDetail>()([
    ...contractListItem,
    'statusReason', 'terms', 'justification', 'approvedOn', 'lastUpdated', 'renewalOf', 'renewedBy', 'milestones', 'payments', 'amendments', 'acceptedDeliverables', 'evaluations',
  ] as const),
  milestone: fields<PublicMilestone>()(['title', 'type', 'dueDate', 'status'] as const),
  payment: fields<PublicPayment>()(['amountFen', 'paidOn', 'milestoneTitle'] as const),
  amendment: fields<PublicAmendment>()(['rationale', 'previousValueFen', 'newValueFen', 'previousEndDate', 'newEndDate', 'termsChanged', 'approvedOn'] as const),
  deliverable: fields<PublicAcceptedDeliverable>()(['contractReference', 'title', 'periodStart', 'periodEnd', 'acceptedOn'] as const),
  evaluation: fields<PublicEvaluation>()(['contractReference', 'evaluatorKind', 'periodStart', 'periodEnd', 'overallScore', 'grade', 'scores'] as const),
  stats: fields<PublicStats>()(['matters', 'contractors', 'contracts', 'deliverables', 'evaluations', 'valueByCategory', 'contractsByStartYear'] as const),
} as const;

export type ApiObject = keyof typeof apiObjects;
export type ApiField = (typeof apiObjects)[ApiObject][number] | (typeof matterDownloadColumns)[number] | (typeof contractorDownloadColumns)[number] | (typeof contractDownloadColumns)[number];

export type Endpoint = { key: string; path: string; params: readonly string[]; returns: ApiObject | 'download' | 'ocds' | 'checkpoint' | 'events'; list: boolean };

export const apiEndpoints: readonly Endpoint[] = [
  { key: 'matters', path: '/api/public/matters', params: ['q', 'department', 'category', 'contractorKind', 'status', 'limit', 'cursor'], returns: 'matterListItem', list: true },
  { key: 'matter', path: '/api/public/matters/{code}', params: [], returns: 'matterDetail', list: false },
  { key: 'contractors', path: '/api/public/contractors', params: ['q', 'kind', 'limit', 'cursor'], returns: 'contractorListItem', list: true },
  { key: 'contractor', path: '/api/public/contractors/{id}', params: [], returns: 'contractorDetail', list: false },
  { key: 'contracts', path: '/api/public/contracts', params: ['limit', 'cursor'], returns: 'contractListItem', list: true },
  { key: 'contract', path: '/api/public/contracts/{reference}', params: [], returns: 'contractDetail', list: false },
  { key: 'stats', path: '/api/public/stats', params: [], returns: 'stats', list: false },
  { key: 'downloads', path: '/api/public/downloads/{matters|contractors|contracts}.{csv|json}', params: [], returns: 'download', list: false },
  { key: 'ocds', path: '/api/public/ocds/release-package.json', params: [], returns: 'ocds', list: false },
  // Served by the audit feature (lib/audit/checkpoints.ts, lib/audit/leaf.ts); listed here so that the page names every endpoint.
  { key: 'checkpoint', path: '/api/public/audit/checkpoint', params: [], returns: 'checkpoint', list: false },
  { key: 'checkpoints', path: '/api/public/audit/checkpoints', params: ['limit', 'before'], returns: 'checkpoint', list: false },
  { key: 'events', path: '/api/public/audit/events', params: ['after', 'limit'], returns: 'events', list: false },
];

export const apiDownloads = [
  { name: 'matters', columns: matterDownloadColumns },
  { name: 'contractors', columns: contractorDownloadColumns },
  { name: 'contracts', columns: contractDownloadColumns },
] as const;

export const apiCodes = {
  category: matterCategories,
  serviceStatus: matterServiceStatuses,
  contractStatus: publishedContractStatuses,
  kind: contractorKinds,
  verificationStatus: verificationStatuses,
  milestoneType: milestoneTypes,
  milestoneStatus: milestoneStatuses,
  evaluatorKind: evaluatorKinds,
  grade: grades,
} as const;
