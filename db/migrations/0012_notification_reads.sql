CREATE TABLE `notification_reads` (
	`user_id` integer NOT NULL,
	`notification_key` text NOT NULL,
	`read_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `notification_key`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
