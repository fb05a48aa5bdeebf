ALTER TABLE `comment_threads` ADD `suggestion_id` text;--> statement-breakpoint
ALTER TABLE `comment_threads` ADD `suggestion_outcome` text;--> statement-breakpoint
CREATE UNIQUE INDEX `comment_threads_suggestion_idx` ON `comment_threads` (`module_id`,`suggestion_id`);