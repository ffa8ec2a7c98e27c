// The closed vocabularies of the domain. Database CHECK constraints and zod schemas are both built
// from these tuples, so a value the database accepts is always one the application knows.

export const departmentKinds = ['party', 'government'] as const;
export type DepartmentKind = (typeof departmentKinds)[number];

export const matterCategories = [
  'environment',
  'safety',
  'urban_management',
  'social_services',
  'culture_sport',
  'economy_markets',
  'health_education',
  'agriculture_rural',
] as const;
export type MatterCategory = (typeof matterCategories)[number];

export const catalogueStatuses = ['draft', 'listed', 'withdrawn'] as const;
export type CatalogueStatus = (typeof catalogueStatuses)[number];

export const contractorKinds = ['social_organization', 'enterprise_institution', 'university'] as const;
export type ContractorKind = (typeof contractorKinds)[number];

export const verificationStatuses = ['pending', 'verified', 'suspended', 'debarred'] as const;
export type VerificationStatus = (typeof verificationStatuses)[number];

export const contractStatuses = [
  'draft',
  'pending_approval',
  'active',
  'suspended',
  'completed',
  'cancelled',
  'terminated',
] as const;
export type ContractStatus = (typeof contractStatuses)[number];

export const amendmentStatuses = ['pending_approval', 'approved', 'rejected'] as const;
export type AmendmentStatus = (typeof amendmentStatuses)[number];

export const milestoneTypes = ['delivery', 'reporting', 'payment'] as const;
export type MilestoneType = (typeof milestoneTypes)[number];

export const milestoneStatuses = ['scheduled', 'met', 'partially_met', 'not_met'] as const;
export type MilestoneStatus = (typeof milestoneStatuses)[number];

export const deliverableStatuses = ['submitted', 'accepted', 'returned'] as const;
export type DeliverableStatus = (typeof deliverableStatuses)[number];

export const evaluatorKinds = ['department', 'third_party', 'public_satisfaction'] as const;
export type EvaluatorKind = (typeof evaluatorKinds)[number];

export const grades = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof grades)[number];

export const roles = ['admin', 'officer', 'approver', 'auditor', 'contractor', 'evaluator'] as const;
export type Role = (typeof roles)[number];

/** Roles that may appear on an audit event: every user role plus the system itself (seed, migrations). */
export const actorRoles = [...roles, 'system', 'public'] as const;
export type ActorRole = (typeof actorRoles)[number];

export const attachmentOwners = ['deliverable', 'contractor'] as const;
export type AttachmentOwner = (typeof attachmentOwners)[number];

/** Public records a visitor can report an error in. */
export const reportedRecordTypes = ['matter', 'contract', 'contractor'] as const;
export type ReportedRecordType = (typeof reportedRecordTypes)[number];

/** A visitor's error report: open until an admin closes it with a note. */
export const errorReportStatuses = ['open', 'closed'] as const;
export type ErrorReportStatus = (typeof errorReportStatuses)[number];

/** How the contractor was chosen (政府采购法 Art. 26; 财政部令第110号 for the framework agreement). */
export const procurementMethods = [
  'open_tender',
  'invitational_tender',
  'competitive_negotiation',
  'competitive_consultation',
  'single_source',
  'request_for_quotations',
  'framework_agreement',
] as const;
export type ProcurementMethod = (typeof procurementMethods)[number];

/** How bids were compared: lowest evaluated price (最低评标价法) or comprehensive scoring (综合评分法). */
export const bidEvaluationMethods = ['lowest_price', 'comprehensive_scoring'] as const;
export type BidEvaluationMethod = (typeof bidEvaluationMethods)[number];

/** The legal grounds for a single source (政府采购法 Art. 31). */
export const singleSourceGrounds = ['only_one_supplier', 'emergency', 'continuity'] as const;
export type SingleSourceGround = (typeof singleSourceGrounds)[number];
