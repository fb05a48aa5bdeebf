CREATE TABLE `xapi_cursors` (
	`endpoint` text PRIMARY KEY NOT NULL,
	`last_event_id` integer NOT NULL,
	`updated_at` integer NOT NULL
);
