DROP TABLE `contribution_progress`;--> statement-breakpoint
DROP TABLE `contribution_totals`;