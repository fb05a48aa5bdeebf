CREATE TABLE `login_locks` (
	`email` text PRIMARY KEY NOT NULL,
	`locked_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `sessions` ADD `persistent` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `user_agent` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `idle_timeout_minutes` integer;--> statement-breakpoint
ALTER TABLE `organisations` ADD `absolute_lifetime_days` integer;