CREATE TABLE `public_counts` (
	`name` text PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `matters_published_code_idx` ON `matters` (`code`) WHERE catalogue_status in ('listed', 'withdrawn');--> statement-breakpoint
CREATE INDEX `matters_published_category_code_idx` ON `matters` (`category`,`code`) WHERE catalogue_status in ('listed', 'withdrawn');--> statement-breakpoint
CREATE INDEX `matters_published_department_code_idx` ON `matters` (`department_id`,`code`) WHERE catalogue_status in ('listed', 'withdrawn');--> statement-breakpoint
INSERT INTO `public_counts` (`name`, `n`) SELECT 'matters.published', count(*) FROM `matters` WHERE catalogue_status in ('listed', 'withdrawn');
--> statement-breakpoint
INSERT INTO `public_counts` (`name`, `n`) SELECT 'contracts.published', count(*) FROM `contracts` WHERE status in ('active', 'suspended', 'completed', 'terminated');
--> statement-breakpoint
-- The counts change in the same transaction as the row they count, whatever code path writes it.
CREATE TRIGGER `public_counts_matters_insert` AFTER INSERT ON `matters` WHEN new.catalogue_status in ('listed', 'withdrawn') BEGIN
  UPDATE `public_counts` SET `n` = `n` + 1 WHERE `name` = 'matters.published';
END;
--> statement-breakpoint
CREATE TRIGGER `public_counts_matters_update` AFTER UPDATE OF catalogue_status ON `matters`
WHEN (old.catalogue_status in ('listed', 'withdrawn')) <> (new.catalogue_status in ('listed', 'withdrawn')) BEGIN
  UPDATE `public_counts` SET `n` = `n` + (CASE WHEN new.catalogue_status in ('listed', 'withdrawn') THEN 1 ELSE -1 END) WHERE `name` = 'matters.published';
END;
--> statement-breakpoint
CREATE TRIGGER `public_counts_matters_delete` AFTER DELETE ON `matters` WHEN old.catalogue_status in ('listed', 'withdrawn') BEGIN
  UPDATE `public_counts` SET `n` = `n` - 1 WHERE `name` = 'matters.published';
END;
--> statement-breakpoint
CREATE TRIGGER `public_counts_contracts_insert` AFTER INSERT ON `contracts` WHEN new.status in ('active', 'suspended', 'completed', 'terminated') BEGIN
  UPDATE `public_counts` SET `n` = `n` + 1 WHERE `name` = 'contracts.published';
END;
--> statement-breakpoint
CREATE TRIGGER `public_counts_contracts_update` AFTER UPDATE OF status ON `contracts`
WHEN (old.status in ('active', 'suspended', 'completed', 'terminated')) <> (new.status in ('active', 'suspended', 'completed', 'terminated')) BEGIN
  UPDATE `public_counts` SET `n` = `n` + (CASE WHEN new.status in ('active', 'suspended', 'completed', 'terminated') THEN 1 ELSE -1 END) WHERE `name` = 'contracts.published';
END;
--> statement-breakpoint
CREATE TRIGGER `public_counts_contracts_delete` AFTER DELETE ON `contracts` WHEN old.status in ('active', 'suspended', 'completed', 'terminated') BEGIN
  UPDATE `public_counts` SET `n` = `n` - 1 WHERE `name` = 'contracts.published';
END;
