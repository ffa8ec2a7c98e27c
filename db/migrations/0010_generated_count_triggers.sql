-- The public_counts triggers of 0007 and 0008 spelled the predicates out (published statuses, in service, on
-- time). From here on they are generated from lib/domain/predicates.ts by lib/public/count-triggers.ts and
-- installed by openDatabase right after the migrations, with the counts rebuilt whenever they change.
DROP TRIGGER IF EXISTS `public_counts_matters_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_counts_matters_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_counts_matters_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_counts_contracts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_counts_contracts_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_counts_contracts_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_stats_contracts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_stats_contracts_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_stats_contracts_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_stats_payments_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_stats_payments_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_stats_payments_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_stats_deliverables_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_stats_deliverables_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_stats_deliverables_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_stats_evaluations_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_stats_evaluations_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_stats_evaluations_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_stats_contractors_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_stats_contractors_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_stats_contractors_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_stats_matters_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_stats_matters_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `public_stats_matters_delete`;
