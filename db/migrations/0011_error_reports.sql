CREATE TABLE `error_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_type` text NOT NULL,
	`record_key` text NOT NULL,
	`message` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`address_key` text,
	`created_at` text NOT NULL,
	`closed_by` integer,
	`closed_at` text,
	`closing_note` text,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "error_reports_record_type_check" CHECK("error_reports"."record_type" in ('matter', 'contract', 'contractor')),
	CONSTRAINT "error_reports_status_check" CHECK("error_reports"."status" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE INDEX `error_reports_status_idx` ON `error_reports` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `error_reports_address_idx` ON `error_reports` (`address_key`,`created_at`);--> statement-breakpoint
CREATE INDEX `error_reports_created_idx` ON `error_reports` (`created_at`);