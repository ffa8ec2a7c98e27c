CREATE INDEX `matters_updated_at_idx` ON `matters` (`updated_at`);--> statement-breakpoint
CREATE INDEX `matters_budget_idx` ON `matters` (`annual_budget_fen`);--> statement-breakpoint
CREATE INDEX `contracts_updated_at_idx` ON `contracts` (`updated_at`);--> statement-breakpoint
CREATE INDEX `audit_events_actor_name_idx` ON `audit_events` (`actor_name`);--> statement-breakpoint
CREATE INDEX `audit_events_actor_role_idx` ON `audit_events` (`actor_role`);