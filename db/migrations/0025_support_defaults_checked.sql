-- The old defaults take their places and pages: every existing resource is UK-wide and for everyone
-- (the columns' defaults), except NHS 111, which serves England. Where the admins left an old
-- default as it was, it takes the wording and page checked against the service's own site
-- (content/support-resources.json); one they changed keeps their words.
UPDATE `support_resources` SET `nations` = '["england"]' WHERE `name` = 'NHS 111, option 2';
--> statement-breakpoint
UPDATE `support_resources`
SET `name` = 'NHS 111, mental health option',
  `purpose` = 'Urgent mental health help in England: call 111 and choose the mental health option to speak to a mental health professional.',
  `source` = 'https://www.cntw.nhs.uk/need-help-now'
WHERE `name` = 'NHS 111, option 2'
  AND `purpose` = 'Urgent mental health help in England: call 111 and choose option 2 for your local crisis team.'
  AND `phone` = '111';
--> statement-breakpoint
UPDATE `support_resources` SET `source` = 'https://www.samaritans.org/how-we-can-help/contact-samaritan/'
WHERE `name` = 'Samaritans' AND `phone` = '116 123' AND `source` = '';
--> statement-breakpoint
UPDATE `support_resources` SET `source` = 'https://giveusashout.org/about-us/faq/'
WHERE `name` = 'Shout' AND `sms` = 'Text SHOUT to 85258' AND `source` = '';
