CREATE TABLE `amendment_procurements` (
	`amendment_id` integer PRIMARY KEY NOT NULL,
	`record` text NOT NULL,
	FOREIGN KEY (`amendment_id`) REFERENCES `amendments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "amendment_procurements_record_check" CHECK(json_valid("amendment_procurements"."record"))
);
