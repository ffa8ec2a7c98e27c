// The public read model: every field here may be shown to anyone. JSON field names are camelCase and
// stable (documented on the API page); money is integer fen, dates are YYYY-MM-DD, timestamps UTC ISO-8601.
import type { PublicProcurement } from '../procurement/read';
import type {
  ContractorKind,
  DepartmentKind,
  EvaluatorKind,
  Grade,
  MatterCategory,
  MilestoneStatus,
  MilestoneType,
  VerificationStatus,
} from '../domain/enums';
import type { PublishedCatalogueStatus, PublishedContractStatus } from '../domain/predicates';

// What the public sees is defined once, in lib/domain/predicates.ts; here for the readers of the public model.
export { publishedCatalogueStatuses, publishedContractStatuses, type PublishedCatalogueStatus, type PublishedContractStatus } from '../domain/predicates';

/** A matter's public service status: listed with an active contract, listed without one, or withdrawn. */
export const matterServiceStatuses = ['in_service', 'not_in_service', 'withdrawn'] as const;
export type MatterServiceStatus = (typeof matterServiceStatuses)[number];

type PublicDepartmentRef = { code: string; nameZh: string; nameEn: string };
export type PublicDepartment = PublicDepartmentRef & { kind: DepartmentKind };
export type PublicContractorRef = { id: number; nameZh: string; nameEn: string; kind: ContractorKind; creditCode: string };
type PublicMatterRef = { code: string; titleZh: string; titleEn: string; category: MatterCategory };

export type PublicMatterListItem = PublicMatterRef & {
  department: PublicDepartmentRef;
  catalogueStatus: PublishedCatalogueStatus;
  serviceStatus: MatterServiceStatus;
  annualBudgetFen: number;
  currentContractors: PublicContractorRef[];
};

export type PublicContractListItem = {
  reference: string;
  status: PublishedContractStatus;
  valueFen: number;
  amountPaidFen: number;
  startDate: string;
  endDate: string;
  matter: PublicMatterRef;
  department: PublicDepartmentRef;
  contractor: PublicContractorRef;
};

export type PublicAcceptedDeliverable = {
  contractReference: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  acceptedOn: string | null;
};

export type PublicEvaluation = {
  contractReference: string;
  evaluatorKind: EvaluatorKind;
  periodStart: string;
  periodEnd: string;
  overallScore: number;
  grade: Grade;
  scores: Record<string, number>;
};

export type PublicMatterDetail = PublicMatterListItem & {
  descriptionZh: string;
  descriptionEn: string;
  legalBasis: string;
  serviceStandard: string;
  withdrawalReason: string | null;
  contracts: PublicContractListItem[];
  acceptedDeliverables: PublicAcceptedDeliverable[];
  evaluations: PublicEvaluation[];
};

type PublicContractor = PublicContractorRef & {
  verificationStatus: VerificationStatus;
};

export type PublicContractorListItem = PublicContractor & {
  publishedContracts: number;
  activeContracts: number;
};

export type PublicContractorDetail = PublicContractor & {
  /** Why it is suspended or debarred, as published with the decision; null otherwise. */
  statusReason: string | null;
  /** Since when (Beijing date) it is suspended or debarred; null otherwise. */
  statusSince: string | null;
  record: {
    publishedContracts: number;
    activeContracts: number;
    totalValueFen: number;
    amountPaidFen: number;
    acceptedDeliverables: number;
    evaluations: number;
    averageScore: number | null;
  };
  contracts: PublicContractListItem[];
  evaluations: PublicEvaluation[];
};

export type PublicMilestone = { title: string; type: MilestoneType; dueDate: string; status: MilestoneStatus };
export type PublicPayment = { amountFen: number; paidOn: string; milestoneTitle: string | null };
export type PublicAmendment = {
  rationale: string;
  previousValueFen: number;
  newValueFen: number;
  previousEndDate: string;
  newEndDate: string;
  termsChanged: boolean;
  approvedOn: string | null;
};

export type PublicContractDetail = PublicContractListItem & {
  /** Why it was suspended or terminated; null otherwise. */
  statusReason: string | null;
  /** Since when (Beijing date) it is suspended, completed or terminated; null while active. */
  statusSince: string | null;
  terms: string;
  justification: string | null;
  approvedOn: string | null;
  /** When the public record last changed (UTC). */
  lastUpdated: string;
  renewalOf: string | null;
  renewedBy: string[];
  milestones: PublicMilestone[];
  payments: PublicPayment[];
  amendments: PublicAmendment[];
  acceptedDeliverables: PublicAcceptedDeliverable[];
  evaluations: PublicEvaluation[];
  /** How the contractor was chosen; null for a contract recorded without it. */
  procurement: PublicProcurement | null;
};

export type PublicStats = {
  matters: { published: number; listed: number; withdrawn: number; inService: number };
  contractors: { total: number; byKind: Record<ContractorKind, number> };
  contracts: { published: number; byStatus: Record<PublishedContractStatus, number>; totalValueFen: number; amountPaidFen: number };
  deliverables: { accepted: number; acceptedOnTime: number; graceDays: number };
  evaluations: { count: number; averageScore: number | null };
  valueByCategory: { category: MatterCategory; contracts: number; valueFen: number }[];
  contractsByStartYear: { year: number; byStatus: Record<PublishedContractStatus, number> }[];
};

/** One page of a list: `nextAfter` is the keyset position after the last item, null on the last page. */
export type Page<T, K> = { items: T[]; total: number; nextAfter: K | null };
