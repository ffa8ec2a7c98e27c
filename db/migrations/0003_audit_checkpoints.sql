CREATE TABLE `audit_checkpoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`registry` text NOT NULL,
	`event_count` integer NOT NULL,
	`head_hash` text NOT NULL,
	`signed_at` text NOT NULL,
	`public_key` text NOT NULL,
	`signature` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_checkpoints_event_count_idx` ON `audit_checkpoints` (`event_count`);--> statement-breakpoint
-- Checkpoints are append-only too: a signed statement, once published, is never changed or withdrawn.
CREATE TRIGGER `audit_checkpoints_no_update` BEFORE UPDATE ON `audit_checkpoints`
BEGIN
  SELECT RAISE(ABORT, 'audit_checkpoints is append-only: UPDATE refused');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_checkpoints_no_delete` BEFORE DELETE ON `audit_checkpoints`
BEGIN
  SELECT RAISE(ABORT, 'audit_checkpoints is append-only: DELETE refused');
END;
