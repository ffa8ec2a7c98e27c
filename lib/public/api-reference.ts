import { contractorKinds, evaluatorKinds, grades, matterCategories, milestoneStatuses, milestoneTypes, verificationStatuses } from '../domain/enums';
import { ocdsPaths } from '../ocds/packages';
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
import { contractDownloadColumns, contractorDownloadColumns, matterDownloadColumns } from './download-rows';

// What the API page documents. A unit test checks these lists against real responses, so a field that is
// added to a DTO and not documented here fails the build.

const fields = <T>() => <K extends readonly (keyof T & string)[]>(keys: K) => keys;

const matterListItem = fields<PublicMatterListItem>()(['code', 'titleZh', 'titleEn', 'category', 'department', 'catalogueStatus', 'serviceStatus', 'annualBudgetFen', 'currentContractors'] as const);
const contractListItem = fields<PublicContractListItem>()(['reference', 'status', 'valueFen', 'amountPaidFen', 'startDate', 'endDate', 'matter', 'department', 'contractor'] as const);

export const apiObjects = {
  matterListItem,
  matterDetail: fields<PublicMatterDetail>()([...matterListItem, 'descriptionZh', 'descriptionEn', 'legalBasis', 'serviceStandard', 'withdrawalReason', 'contracts', 'acceptedDeliverables', 'evaluations'] as const),
  contractorListItem: fields<PublicContractorListItem>()(['id', 'nameZh', 'nameEn', 'kind', 'creditCode', 'verificationStatus', 'publishedContracts', 'activeContracts'] as const),
  contractorDetail: fields<PublicContractorDetail>()(['id', 'nameZh', 'nameEn', 'kind', 'creditCode', 'verificationStatus', 'statusReason', 'statusSince', 'record', 'contracts', 'evaluations'] as const),
  contractListItem,
  contractDetail: fields<PublicContractDetail>()([
    ...contractListItem,
    'statusReason', 'statusSince', 'terms', 'justification', 'approvedOn', 'lastUpdated', 'renewalOf', 'renewedBy', 'milestones', 'payments', 'amendments', 'acceptedDeliverables', 'evaluations', 'procurement',
  ] as const),
  milestone: fields<PublicMilestone>()(['title', 'type', 'dueDate', 'status'] as const),
  payment: fields<PublicPayment>()(['amountFen', 'paidOn', 'milestoneTitle'] as const),
  amendment: fields<PublicAmendment>()(['rationale', 'previousValueFen', 'newValueFen', 'previousEndDate', 'newEndDate', 'termsChanged', 'approvedOn'] as const),
  deliverable: fields<PublicAcceptedDeliverable>()(['contractReference', 'title', 'periodStart', 'periodEnd', 'acceptedOn'] as const),
  evaluation: fields<PublicEvaluation>()(['contractReference', 'evaluatorKind', 'periodStart', 'periodEnd', 'overallScore', 'grade', 'scores'] as const),
  stats: fields<PublicStats>()(['matters', 'contractors', 'contracts', 'deliverables', 'evaluations', 'valueByCategory', 'contractsByStartYear'] as const),
} as const;

type ApiObject = keyof typeof apiObjects;

/** What an endpoint answers with, when it is not one of the objects above. */
const apiResources = ['download', 'ocds', 'ocdsRecords', 'ocdsReleases', 'extension', 'checkpoint', 'events'] as const;
type ApiResource = (typeof apiResources)[number];
export const isApiResource = (returns: string): returns is ApiResource => (apiResources as readonly string[]).includes(returns);

type Endpoint = { key: string; path: string; params: readonly string[]; returns: ApiObject | ApiResource; list: boolean };

export const apiEndpoints: readonly Endpoint[] = [
  { key: 'matters', path: '/api/public/matters', params: ['q', 'department', 'category', 'contractorKind', 'status', 'limit', 'cursor'], returns: 'matterListItem', list: true },
  { key: 'matter', path: '/api/public/matters/{code}', params: [], returns: 'matterDetail', list: false },
  { key: 'contractors', path: '/api/public/contractors', params: ['q', 'kind', 'limit', 'cursor'], returns: 'contractorListItem', list: true },
  { key: 'contractor', path: '/api/public/contractors/{id}', params: [], returns: 'contractorDetail', list: false },
  { key: 'contracts', path: '/api/public/contracts', params: ['limit', 'cursor'], returns: 'contractListItem', list: true },
  { key: 'contract', path: '/api/public/contracts/{reference}', params: [], returns: 'contractDetail', list: false },
  { key: 'stats', path: '/api/public/stats', params: [], returns: 'stats', list: false },
  { key: 'downloads', path: '/api/public/downloads/{matters|contractors|contracts}.{csv|json}', params: [], returns: 'download', list: false },
  // Served by the OCDS feature (lib/ocds/): the kept releases, as packages and per contracting process, and the registry's extension.
  { key: 'ocds', path: ocdsPaths.releasePackage, params: ['since'], returns: 'ocds', list: false },
  { key: 'ocdsRecords', path: ocdsPaths.recordPackage, params: ['since'], returns: 'ocdsRecords', list: false },
  { key: 'ocdsReleases', path: `${ocdsPaths.releases}{ocid}`, params: [], returns: 'ocdsReleases', list: false },
  { key: 'ocdsExtension', path: '/api/public/ocds/extension/{extension.json|release-schema.json}', params: [], returns: 'extension', list: false },
  { key: 'ocdsMetricsExtension', path: '/api/public/ocds/metrics-extension/{extension.json|release-schema.json}', params: [], returns: 'extension', list: false },
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

/** The OCDS files offered for download at the top of the API page. */
export const ocdsDownloads = [
  { key: 'releasePackage', path: ocdsPaths.releasePackage, file: 'release-package.json' },
  { key: 'recordPackage', path: ocdsPaths.recordPackage, file: 'record-package.json' },
] as const;

/** The registry's OCDS extension: the files, and the fields it declares (a test holds these equal to release-schema.json). */
export const ocdsExtensionFiles = [ocdsPaths.extension, ocdsPaths.extensionSchema] as const;
/** The OCDS Metrics extension's files, served as published upstream. */
export const ocdsMetricsExtensionFiles = [ocdsPaths.metricsExtension, ocdsPaths.metricsExtensionSchema] as const;
export const ocdsExtensionFields = [
  { key: 'statusDetails', path: 'contracts[].statusDetails' },
  { key: 'statusReason', path: 'contracts[].statusReason' },
  { key: 'statusDate', path: 'contracts[].statusDate' },
  { key: 'matterCode', path: 'contracts[].matterCode' },
  { key: 'matterCategory', path: 'contracts[].matterCategory' },
  { key: 'contractorKind', path: 'parties[].details.contractorKind' },
] as const;

/** Package metadata and the core OCDS fields whose use in this registry the API page explains. */
export const ocdsPackageFields = [
  { key: 'uri', path: 'uri' },
  { key: 'publishedDate', path: 'publishedDate' },
  { key: 'publisher', path: 'publisher' },
  { key: 'license', path: 'license' },
  { key: 'publicationPolicy', path: 'publicationPolicy' },
  { key: 'extensions', path: 'extensions' },
  { key: 'records', path: 'records[].releases, records[].compiledRelease' },
] as const;

export const ocdsReleaseFields = [
  { key: 'ocid', path: 'ocid' },
  { key: 'releaseId', path: 'id, date' },
  { key: 'tag', path: 'tag' },
  { key: 'partyId', path: 'parties[].id' },
  { key: 'identifier', path: 'parties[].identifier' },
  { key: 'awardValue', path: 'awards[].value' },
  { key: 'contractValue', path: 'contracts[].value' },
  { key: 'contractStatus', path: 'contracts[].status' },
  { key: 'milestones', path: 'contracts[].milestones' },
  { key: 'transactions', path: 'contracts[].implementation.transactions' },
  { key: 'documents', path: 'contracts[].implementation.documents' },
  { key: 'amendments', path: 'contracts[].amendments' },
  { key: 'relatedProcesses', path: 'relatedProcesses' },
  { key: 'dates', path: 'date, dateSigned, period, dueDate, …' },
] as const;

/** Changes to the open data that consumers should know about, newest first; each item has a message on the API page. */
export const apiChangelog = [
  {
    date: '2026-11-29',
    items: ['releaseHistory', 'newEndpoints', 'awardValue', 'amendments', 'statusDetails', 'renewals', 'metadata', 'extension', 'metricsExtension', 'buyers', 'stableIds', 'dates', 'emptyArrays', 'packageUri', 'csvFormulas'],
  },
] as const;
