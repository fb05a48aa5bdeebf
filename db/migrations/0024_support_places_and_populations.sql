CREATE TABLE `support_defaults_offered` (
	`org_id` text NOT NULL,
	`key` text NOT NULL,
	`offered_at` integer NOT NULL,
	PRIMARY KEY(`org_id`, `key`),
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `support_choices` (
	`user_id` text PRIMARY KEY NOT NULL,
	`nation` text,
	`populations` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `support_resources` ADD `nations` text DEFAULT '["uk"]' NOT NULL;--> statement-breakpoint
ALTER TABLE `support_resources` ADD `populations` text DEFAULT '["everyone"]' NOT NULL;--> statement-breakpoint
ALTER TABLE `support_resources` ADD `source` text DEFAULT '' NOT NULL;