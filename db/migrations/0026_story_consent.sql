CREATE TABLE `story_reviews` (
	`org_id` text NOT NULL,
	`module_id` text NOT NULL,
	`story_id` text NOT NULL,
	`review_on` text NOT NULL,
	`storyteller_id` text NOT NULL,
	`asked_at` integer NOT NULL,
	`answer` text,
	`answered_at` integer,
	`facilitator_told_at` integer,
	PRIMARY KEY(`module_id`, `story_id`, `review_on`),
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`module_id`) REFERENCES `modules`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`storyteller_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `story_withdrawals` (
	`org_id` text NOT NULL,
	`module_id` text NOT NULL,
	`story_id` text NOT NULL,
	`withdrawn_at` integer NOT NULL,
	PRIMARY KEY(`module_id`, `story_id`),
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`module_id`) REFERENCES `modules`(`id`) ON UPDATE no action ON DELETE cascade
);
