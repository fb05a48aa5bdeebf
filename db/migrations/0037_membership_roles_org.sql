-- SQLite cannot add a NOT NULL column to a table with rows, so the table is rebuilt, each role
-- taking its membership's organisation. Nothing refers to membership_roles, so it can be dropped.
CREATE TABLE `__new_membership_roles` (
	`membership_id` text NOT NULL,
	`org_id` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`membership_id`, `role`),
	FOREIGN KEY (`membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_membership_roles` (`membership_id`, `org_id`, `role`)
SELECT mr.`membership_id`, m.`org_id`, mr.`role` FROM `membership_roles` mr JOIN `memberships` m ON m.`id` = mr.`membership_id`;
--> statement-breakpoint
DROP TABLE `membership_roles`;
--> statement-breakpoint
ALTER TABLE `__new_membership_roles` RENAME TO `membership_roles`;
--> statement-breakpoint
CREATE INDEX `membership_roles_org_role_idx` ON `membership_roles` (`org_id`,`role`,`membership_id`);
