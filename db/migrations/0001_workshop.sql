CREATE TABLE `module_collaborators` (
	`module_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`credit_mode` text DEFAULT 'real' NOT NULL,
	`credit_name` text DEFAULT '' NOT NULL,
	`added_by` text,
	`added_at` integer NOT NULL,
	`removed_at` integer,
	PRIMARY KEY(`module_id`, `user_id`),
	FOREIGN KEY (`module_id`) REFERENCES `modules`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `module_collaborators_user_idx` ON `module_collaborators` (`user_id`);--> statement-breakpoint
CREATE TABLE `module_doc_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`module_id` text NOT NULL,
	`user_id` text,
	`update` blob NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`module_id`) REFERENCES `modules`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `module_doc_updates_module_idx` ON `module_doc_updates` (`module_id`,`id`);--> statement-breakpoint
CREATE TABLE `module_docs` (
	`module_id` text PRIMARY KEY NOT NULL,
	`state` blob NOT NULL,
	`compacted_through` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`module_id`) REFERENCES `modules`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `module_facts` (
	`module_id` text PRIMARY KEY NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`content_hash` text NOT NULL,
	`word_count` integer DEFAULT 0 NOT NULL,
	`block_counts` text NOT NULL,
	`section_count` integer DEFAULT 0 NOT NULL,
	`last_edited_by` text,
	`last_edited_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`module_id`) REFERENCES `modules`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`last_edited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `modules` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`title` text NOT NULL,
	`topic` text NOT NULL,
	`custom_topic` text DEFAULT '' NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`estimated_minutes` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`origin_credit` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `modules_org_idx` ON `modules` (`org_id`,`status`,`updated_at`);