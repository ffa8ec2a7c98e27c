CREATE TABLE `departments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "departments_kind_check" CHECK("departments"."kind" in ('party', 'government'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_code_unique` ON `departments` (`code`);--> statement-breakpoint
CREATE INDEX `departments_kind_idx` ON `departments` (`kind`);--> statement-breakpoint
CREATE TABLE `matters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`title_zh` text NOT NULL,
	`title_en` text NOT NULL,
	`description_zh` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`category` text NOT NULL,
	`department_id` integer NOT NULL,
	`legal_basis` text DEFAULT '' NOT NULL,
	`service_standard` text DEFAULT '' NOT NULL,
	`annual_budget_fen` integer NOT NULL,
	`catalogue_status` text DEFAULT 'draft' NOT NULL,
	`withdrawal_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "matters_category_check" CHECK("matters"."category" in ('environment', 'safety', 'urban_management', 'social_services', 'culture_sport', 'economy_markets', 'health_education', 'agriculture_rural')),
	CONSTRAINT "matters_catalogue_status_check" CHECK("matters"."catalogue_status" in ('draft', 'listed', 'withdrawn')),
	CONSTRAINT "matters_budget_check" CHECK("matters"."annual_budget_fen" >= 0),
	CONSTRAINT "matters_withdrawal_reason_check" CHECK("matters"."catalogue_status" <> 'withdrawn' or "matters"."withdrawal_reason" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `matters_code_unique` ON `matters` (`code`);--> statement-breakpoint
CREATE INDEX `matters_department_idx` ON `matters` (`department_id`);--> statement-breakpoint
CREATE INDEX `matters_category_idx` ON `matters` (`category`);--> statement-breakpoint
CREATE INDEX `matters_catalogue_status_idx` ON `matters` (`catalogue_status`);--> statement-breakpoint
CREATE INDEX `matters_title_zh_idx` ON `matters` (`title_zh`);--> statement-breakpoint
CREATE TABLE `contractors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`kind` text NOT NULL,
	`credit_code` text NOT NULL,
	`legal_representative` text NOT NULL,
	`contact_phone` text,
	`contact_email` text,
	`qualifications` text DEFAULT '' NOT NULL,
	`verification_status` text DEFAULT 'pending' NOT NULL,
	`status_reason` text,
	`status_changed_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "contractors_kind_check" CHECK("contractors"."kind" in ('social_organization', 'enterprise_institution', 'university')),
	CONSTRAINT "contractors_verification_status_check" CHECK("contractors"."verification_status" in ('pending', 'verified', 'suspended', 'debarred')),
	CONSTRAINT "contractors_credit_code_length_check" CHECK(length("contractors"."credit_code") = 18),
	CONSTRAINT "contractors_status_reason_check" CHECK("contractors"."verification_status" not in ('suspended', 'debarred') or ("contractors"."status_reason" is not null and "contractors"."status_changed_at" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contractors_credit_code_unique` ON `contractors` (`credit_code`);--> statement-breakpoint
CREATE INDEX `contractors_kind_idx` ON `contractors` (`kind`);--> statement-breakpoint
CREATE INDEX `contractors_verification_status_idx` ON `contractors` (`verification_status`);--> statement-breakpoint
CREATE INDEX `contractors_name_zh_idx` ON `contractors` (`name_zh`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`department_id` integer,
	`contractor_id` integer,
	`password_hash` text,
	`external_subject` text,
	`must_change_password` integer DEFAULT false NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`session_version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contractor_id`) REFERENCES `contractors`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role_check" CHECK("users"."role" in ('admin', 'officer', 'approver', 'auditor', 'contractor', 'evaluator')),
	CONSTRAINT "users_department_scope_check" CHECK("users"."role" not in ('officer', 'approver') or "users"."department_id" is not null),
	CONSTRAINT "users_contractor_scope_check" CHECK("users"."role" <> 'contractor' or "users"."contractor_id" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_role_idx` ON `users` (`role`);--> statement-breakpoint
CREATE INDEX `users_department_idx` ON `users` (`department_id`);--> statement-breakpoint
CREATE INDEX `users_contractor_idx` ON `users` (`contractor_id`);--> statement-breakpoint
CREATE TABLE `contracts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`matter_id` integer NOT NULL,
	`contractor_id` integer NOT NULL,
	`department_id` integer NOT NULL,
	`value_fen` integer NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`justification` text,
	`terms` text DEFAULT '' NOT NULL,
	`no_subcontract_declared` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`status_reason` text,
	`renewal_of_id` integer,
	`drafted_by` integer NOT NULL,
	`approved_by` integer,
	`approved_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`matter_id`) REFERENCES `matters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contractor_id`) REFERENCES `contractors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`renewal_of_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`drafted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "contracts_status_check" CHECK("contracts"."status" in ('draft', 'pending_approval', 'active', 'suspended', 'completed', 'cancelled', 'terminated')),
	CONSTRAINT "contracts_value_check" CHECK("contracts"."value_fen" > 0),
	CONSTRAINT "contracts_period_check" CHECK("contracts"."end_date" >= "contracts"."start_date"),
	CONSTRAINT "contracts_terminated_reason_check" CHECK("contracts"."status" <> 'terminated' or "contracts"."status_reason" is not null),
	CONSTRAINT "contracts_four_eyes_check" CHECK("contracts"."approved_by" is null or "contracts"."approved_by" <> "contracts"."drafted_by")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contracts_reference_unique` ON `contracts` (`reference`);--> statement-breakpoint
CREATE INDEX `contracts_matter_idx` ON `contracts` (`matter_id`);--> statement-breakpoint
CREATE INDEX `contracts_contractor_idx` ON `contracts` (`contractor_id`);--> statement-breakpoint
CREATE INDEX `contracts_department_status_idx` ON `contracts` (`department_id`,`status`);--> statement-breakpoint
CREATE INDEX `contracts_status_idx` ON `contracts` (`status`);--> statement-breakpoint
CREATE INDEX `contracts_end_date_idx` ON `contracts` (`end_date`);--> statement-breakpoint
CREATE INDEX `contracts_start_date_idx` ON `contracts` (`start_date`);--> statement-breakpoint
CREATE INDEX `contracts_renewal_of_idx` ON `contracts` (`renewal_of_id`);--> statement-breakpoint
CREATE INDEX `contracts_drafted_by_idx` ON `contracts` (`drafted_by`);--> statement-breakpoint
CREATE INDEX `contracts_approved_by_idx` ON `contracts` (`approved_by`);--> statement-breakpoint
CREATE TABLE `amendments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`status` text DEFAULT 'pending_approval' NOT NULL,
	`rationale` text NOT NULL,
	`previous_value_fen` integer NOT NULL,
	`new_value_fen` integer NOT NULL,
	`previous_end_date` text NOT NULL,
	`new_end_date` text NOT NULL,
	`previous_terms` text NOT NULL,
	`new_terms` text NOT NULL,
	`requested_by` integer NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`decision_comment` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "amendments_status_check" CHECK("amendments"."status" in ('pending_approval', 'approved', 'rejected')),
	CONSTRAINT "amendments_value_check" CHECK("amendments"."new_value_fen" > 0),
	CONSTRAINT "amendments_four_eyes_check" CHECK("amendments"."decided_by" is null or "amendments"."decided_by" <> "amendments"."requested_by")
);
--> statement-breakpoint
CREATE INDEX `amendments_contract_idx` ON `amendments` (`contract_id`);--> statement-breakpoint
CREATE INDEX `amendments_status_idx` ON `amendments` (`status`);--> statement-breakpoint
CREATE INDEX `amendments_requested_by_idx` ON `amendments` (`requested_by`);--> statement-breakpoint
CREATE INDEX `amendments_decided_by_idx` ON `amendments` (`decided_by`);--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`title` text NOT NULL,
	`type` text NOT NULL,
	`due_date` text NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "milestones_type_check" CHECK("milestones"."type" in ('delivery', 'reporting', 'payment')),
	CONSTRAINT "milestones_status_check" CHECK("milestones"."status" in ('scheduled', 'met', 'partially_met', 'not_met'))
);
--> statement-breakpoint
CREATE INDEX `milestones_contract_idx` ON `milestones` (`contract_id`);--> statement-breakpoint
CREATE INDEX `milestones_status_due_idx` ON `milestones` (`status`,`due_date`);--> statement-breakpoint
CREATE TABLE `deliverables` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`contractor_id` integer NOT NULL,
	`milestone_id` integer,
	`title` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`indicators` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'submitted' NOT NULL,
	`supersedes_id` integer,
	`submitted_by` integer NOT NULL,
	`submitted_at` text NOT NULL,
	`reviewed_by` integer,
	`reviewed_at` text,
	`review_comment` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contractor_id`) REFERENCES `contractors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supersedes_id`) REFERENCES `deliverables`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "deliverables_status_check" CHECK("deliverables"."status" in ('submitted', 'accepted', 'returned')),
	CONSTRAINT "deliverables_period_check" CHECK("deliverables"."period_end" >= "deliverables"."period_start"),
	CONSTRAINT "deliverables_returned_comment_check" CHECK("deliverables"."status" <> 'returned' or "deliverables"."review_comment" is not null)
);
--> statement-breakpoint
CREATE INDEX `deliverables_contract_idx` ON `deliverables` (`contract_id`);--> statement-breakpoint
CREATE INDEX `deliverables_contractor_idx` ON `deliverables` (`contractor_id`);--> statement-breakpoint
CREATE INDEX `deliverables_milestone_idx` ON `deliverables` (`milestone_id`);--> statement-breakpoint
CREATE INDEX `deliverables_status_submitted_idx` ON `deliverables` (`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `deliverables_supersedes_idx` ON `deliverables` (`supersedes_id`);--> statement-breakpoint
CREATE INDEX `deliverables_submitted_by_idx` ON `deliverables` (`submitted_by`);--> statement-breakpoint
CREATE INDEX `deliverables_reviewed_by_idx` ON `deliverables` (`reviewed_by`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_type` text NOT NULL,
	`deliverable_id` integer,
	`contractor_id` integer,
	`file_name` text NOT NULL,
	`media_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`deliverable_id`) REFERENCES `deliverables`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contractor_id`) REFERENCES `contractors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "attachments_owner_type_check" CHECK("attachments"."owner_type" in ('deliverable', 'contractor')),
	CONSTRAINT "attachments_owner_check" CHECK(("attachments"."owner_type" = 'deliverable' and "attachments"."deliverable_id" is not null) or ("attachments"."owner_type" = 'contractor' and "attachments"."contractor_id" is not null)),
	CONSTRAINT "attachments_size_check" CHECK("attachments"."size_bytes" >= 0)
);
--> statement-breakpoint
CREATE INDEX `attachments_deliverable_idx` ON `attachments` (`deliverable_id`);--> statement-breakpoint
CREATE INDEX `attachments_contractor_idx` ON `attachments` (`contractor_id`);--> statement-breakpoint
CREATE INDEX `attachments_sha256_idx` ON `attachments` (`sha256`);--> statement-breakpoint
CREATE INDEX `attachments_uploaded_by_idx` ON `attachments` (`uploaded_by`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`milestone_id` integer,
	`amount_fen` integer NOT NULL,
	`paid_on` text NOT NULL,
	`recorded_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payments_amount_check" CHECK("payments"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE INDEX `payments_contract_idx` ON `payments` (`contract_id`);--> statement-breakpoint
CREATE INDEX `payments_milestone_idx` ON `payments` (`milestone_id`);--> statement-breakpoint
CREATE INDEX `payments_recorded_by_idx` ON `payments` (`recorded_by`);--> statement-breakpoint
CREATE INDEX `payments_paid_on_idx` ON `payments` (`paid_on`);--> statement-breakpoint
CREATE TABLE `evaluations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`evaluator_kind` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`scores` text NOT NULL,
	`overall_score` integer NOT NULL,
	`grade` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`recorded_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "evaluations_evaluator_kind_check" CHECK("evaluations"."evaluator_kind" in ('department', 'third_party', 'public_satisfaction')),
	CONSTRAINT "evaluations_grade_check" CHECK("evaluations"."grade" in ('excellent', 'good', 'pass', 'fail')),
	CONSTRAINT "evaluations_score_check" CHECK("evaluations"."overall_score" between 0 and 100),
	CONSTRAINT "evaluations_grade_matches_score_check" CHECK("evaluations"."grade" = case when "evaluations"."overall_score" >= 90 then 'excellent' when "evaluations"."overall_score" >= 80 then 'good' when "evaluations"."overall_score" >= 60 then 'pass' else 'fail' end),
	CONSTRAINT "evaluations_period_check" CHECK("evaluations"."period_end" >= "evaluations"."period_start")
);
--> statement-breakpoint
CREATE INDEX `evaluations_contract_idx` ON `evaluations` (`contract_id`);--> statement-breakpoint
CREATE INDEX `evaluations_recorded_by_idx` ON `evaluations` (`recorded_by`);--> statement-breakpoint
CREATE INDEX `evaluations_evaluator_kind_idx` ON `evaluations` (`evaluator_kind`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`occurred_at` text NOT NULL,
	`actor_id` integer,
	`actor_name` text NOT NULL,
	`actor_role` text NOT NULL,
	`actor_org` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`department_id` integer,
	`data` text NOT NULL,
	`request_meta` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	CONSTRAINT "audit_events_actor_role_check" CHECK("audit_events"."actor_role" in ('admin', 'officer', 'approver', 'auditor', 'contractor', 'evaluator', 'system', 'public'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_events_hash_unique` ON `audit_events` (`hash`);--> statement-breakpoint
CREATE INDEX `audit_events_actor_idx` ON `audit_events` (`actor_id`);--> statement-breakpoint
CREATE INDEX `audit_events_action_idx` ON `audit_events` (`action`);--> statement-breakpoint
CREATE INDEX `audit_events_entity_idx` ON `audit_events` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_events_occurred_at_idx` ON `audit_events` (`occurred_at`);--> statement-breakpoint
CREATE INDEX `audit_events_department_idx` ON `audit_events` (`department_id`);