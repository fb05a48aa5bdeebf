ALTER TABLE `invitations` ADD `email` text;--> statement-breakpoint
UPDATE `invitations` SET `email` = (SELECT lower(`email`) FROM `cohort_invitees` WHERE `cohort_invitees`.`invitation_id` = `invitations`.`id`) WHERE `id` IN (SELECT `invitation_id` FROM `cohort_invitees`);
