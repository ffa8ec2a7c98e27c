CREATE TABLE `amendment_targets` (
	`amendment_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`target_centi` integer NOT NULL,
	PRIMARY KEY(`amendment_id`, `indicator_id`),
	FOREIGN KEY (`amendment_id`) REFERENCES `amendments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_id`) REFERENCES `matter_indicators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "amendment_targets_value_check" CHECK("amendment_targets"."target_centi" >= 0)
);
--> statement-breakpoint
CREATE INDEX `amendment_targets_indicator_idx` ON `amendment_targets` (`indicator_id`);--> statement-breakpoint
CREATE TABLE `contract_targets` (
	`contract_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`target_centi` integer NOT NULL,
	PRIMARY KEY(`contract_id`, `indicator_id`),
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_id`) REFERENCES `matter_indicators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "contract_targets_value_check" CHECK("contract_targets"."target_centi" >= 0)
);
--> statement-breakpoint
CREATE INDEX `contract_targets_indicator_idx` ON `contract_targets` (`indicator_id`);--> statement-breakpoint
CREATE TABLE `deliverable_results` (
	`deliverable_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`value_centi` integer NOT NULL,
	PRIMARY KEY(`deliverable_id`, `indicator_id`),
	FOREIGN KEY (`deliverable_id`) REFERENCES `deliverables`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_id`) REFERENCES `matter_indicators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "deliverable_results_value_check" CHECK("deliverable_results"."value_centi" >= 0)
);
--> statement-breakpoint
CREATE INDEX `deliverable_results_indicator_idx` ON `deliverable_results` (`indicator_id`);--> statement-breakpoint
CREATE TABLE `matter_indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`matter_id` integer NOT NULL,
	`code` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`unit` text NOT NULL,
	`kind` text NOT NULL,
	`direction` text NOT NULL,
	`definition_zh` text DEFAULT '' NOT NULL,
	`definition_en` text DEFAULT '' NOT NULL,
	`retired_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`matter_id`) REFERENCES `matters`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "matter_indicators_unit_check" CHECK("matter_indicators"."unit" in ('households', 'enterprises', 'people', 'cases', 'times', 'items', 'kilometres', 'metres', 'square_metres', 'tonnes', 'percent', 'hours', 'days', 'minutes', 'yuan')),
	CONSTRAINT "matter_indicators_kind_check" CHECK("matter_indicators"."kind" in ('output_quantity', 'output_quality', 'output_timeliness', 'output_cost', 'effect', 'satisfaction')),
	CONSTRAINT "matter_indicators_direction_check" CHECK("matter_indicators"."direction" in ('higher', 'lower'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `matter_indicators_code_idx` ON `matter_indicators` (`matter_id`,`code`);--> statement-breakpoint
ALTER TABLE `amendments` ADD `changes_targets` integer DEFAULT false NOT NULL;