CREATE TABLE `ocds_releases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`ocid` text NOT NULL,
	`release_id` text NOT NULL,
	`published_at` text NOT NULL,
	`content_hash` text NOT NULL,
	`data` text NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ocds_releases_release_id_unique` ON `ocds_releases` (`release_id`);--> statement-breakpoint
CREATE INDEX `ocds_releases_ocid_idx` ON `ocds_releases` (`ocid`,`id`);--> statement-breakpoint
CREATE INDEX `ocds_releases_contract_idx` ON `ocds_releases` (`contract_id`,`id`);--> statement-breakpoint
CREATE INDEX `ocds_releases_published_at_idx` ON `ocds_releases` (`published_at`,`id`);--> statement-breakpoint
ALTER TABLE `departments` ADD `credit_code` text;--> statement-breakpoint
CREATE UNIQUE INDEX `departments_credit_code_unique` ON `departments` (`credit_code`);--> statement-breakpoint
ALTER TABLE `contracts` ADD `status_changed_at` text;--> statement-breakpoint
ALTER TABLE `amendments` ADD `ocds_release_id` text;--> statement-breakpoint
ALTER TABLE `amendments` ADD `ocds_amends_release_id` text;--> statement-breakpoint
UPDATE `contracts` SET `status_changed_at` = coalesce((SELECT max(e.occurred_at) FROM audit_events e WHERE e.entity_type = 'contract' AND e.entity_id = CAST(contracts.id AS TEXT) AND e.action IN ('contract.submitted', 'contract.returned', 'contract.approved', 'contract.cancelled', 'contract.suspended', 'contract.resumed', 'contract.completed', 'contract.terminated')), `updated_at`) WHERE `status` <> 'draft';--> statement-breakpoint
CREATE TRIGGER ocds_releases_no_update BEFORE UPDATE ON ocds_releases BEGIN SELECT RAISE(ABORT, 'ocds_releases is append-only: a published release is never changed'); END;--> statement-breakpoint
CREATE TRIGGER ocds_releases_no_delete BEFORE DELETE ON ocds_releases BEGIN SELECT RAISE(ABORT, 'ocds_releases is append-only: a published release is never removed'); END;
