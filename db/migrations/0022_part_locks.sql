CREATE TABLE `part_locks` (
	`id` text PRIMARY KEY NOT NULL,
	`module_id` text NOT NULL,
	`node_id` text NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`reason` text,
	`locked_by` text,
	`locked_at` integer NOT NULL,
	`unlocked_by` text,
	`unlocked_at` integer,
	FOREIGN KEY (`module_id`) REFERENCES `modules`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`locked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`unlocked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `part_locks_open_idx` ON `part_locks` (`module_id`,`node_id`) WHERE "part_locks"."unlocked_at" is null;--> statement-breakpoint
CREATE INDEX `part_locks_module_idx` ON `part_locks` (`module_id`,`locked_at`);