CREATE TABLE `contract_procurements` (
	`contract_id` integer PRIMARY KEY NOT NULL,
	`method` text NOT NULL,
	`notice_date` text,
	`bid_deadline` text,
	`evaluation_method` text,
	`number_of_tenderers` integer,
	`single_source_ground` text,
	`justification` text,
	`procurement_notice_url` text,
	`award_notice_url` text,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "contract_procurements_method_check" CHECK("contract_procurements"."method" in ('open_tender', 'invitational_tender', 'competitive_negotiation', 'competitive_consultation', 'single_source', 'request_for_quotations', 'framework_agreement')),
	CONSTRAINT "contract_procurements_evaluation_check" CHECK("contract_procurements"."evaluation_method" is null or "contract_procurements"."evaluation_method" in ('lowest_price', 'comprehensive_scoring')),
	CONSTRAINT "contract_procurements_ground_check" CHECK("contract_procurements"."single_source_ground" is null or "contract_procurements"."single_source_ground" in ('only_one_supplier', 'emergency', 'continuity')),
	CONSTRAINT "contract_procurements_tenderers_check" CHECK("contract_procurements"."number_of_tenderers" is null or "contract_procurements"."number_of_tenderers" >= 0)
);
--> statement-breakpoint
CREATE INDEX `contract_procurements_method_idx` ON `contract_procurements` (`method`);--> statement-breakpoint
CREATE TABLE `contract_tenderers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`position` integer NOT NULL,
	`contractor_id` integer,
	`name` text NOT NULL,
	`credit_code` text,
	`bid_fen` integer,
	`awarded` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contractor_id`) REFERENCES `contractors`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "contract_tenderers_bid_check" CHECK("contract_tenderers"."bid_fen" is null or "contract_tenderers"."bid_fen" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contract_tenderers_position_idx` ON `contract_tenderers` (`contract_id`,`position`);--> statement-breakpoint
CREATE INDEX `contract_tenderers_contractor_idx` ON `contract_tenderers` (`contractor_id`);