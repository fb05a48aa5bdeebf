CREATE TABLE `panel_settings` (
	`org_id` text PRIMARY KEY NOT NULL,
	`required` integer DEFAULT false NOT NULL,
	`rubric` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `panel_signoffs` (
	`id` text PRIMARY KEY NOT NULL,
	`module_id` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`revision` integer NOT NULL,
	`decision` text NOT NULL,
	`answers` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`module_id`) REFERENCES `modules`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `panel_signoffs_module_idx` ON `panel_signoffs` (`module_id`,`kind`,`created_at`);