CREATE TABLE `self_care_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`user_id` text NOT NULL,
	`signs` text NOT NULL,
	`helps` text NOT NULL,
	`contacts` text NOT NULL,
	`boundaries` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `self_care_plans_owner_idx` ON `self_care_plans` (`org_id`,`user_id`);--> statement-breakpoint
ALTER TABLE `supervision_pages` ADD `include_self_care_plan` integer DEFAULT false NOT NULL;