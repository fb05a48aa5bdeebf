-- Full-text search over modules and courses: FTS5 indexes with external content, kept in step with
-- their content tables by triggers, and the content tables kept from modules, courses and course
-- items by triggers too. A module's document text (body) is written by the document store.
CREATE VIRTUAL TABLE module_search USING fts5(
  title, summary, body,
  content = 'module_search_text', content_rowid = 'key',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER module_search_text_inserted AFTER INSERT ON module_search_text
BEGIN
  INSERT INTO module_search (rowid, title, summary, body) VALUES (new.key, new.title, new.summary, coalesce(new.body, ''));
END;
--> statement-breakpoint
CREATE TRIGGER module_search_text_deleted AFTER DELETE ON module_search_text
BEGIN
  INSERT INTO module_search (module_search, rowid, title, summary, body)
    VALUES ('delete', old.key, old.title, old.summary, coalesce(old.body, ''));
END;
--> statement-breakpoint
CREATE TRIGGER module_search_text_updated AFTER UPDATE ON module_search_text
BEGIN
  INSERT INTO module_search (module_search, rowid, title, summary, body)
    VALUES ('delete', old.key, old.title, old.summary, coalesce(old.body, ''));
  INSERT INTO module_search (rowid, title, summary, body) VALUES (new.key, new.title, new.summary, coalesce(new.body, ''));
END;
--> statement-breakpoint
CREATE TRIGGER modules_search_inserted AFTER INSERT ON modules
BEGIN
  INSERT INTO module_search_text (module_id, title, summary, body) VALUES (new.id, new.title, new.summary, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER modules_search_updated AFTER UPDATE OF title, summary ON modules
WHEN new.title IS NOT old.title OR new.summary IS NOT old.summary
BEGIN
  UPDATE module_search_text SET title = new.title, summary = new.summary WHERE module_id = new.id;
END;
--> statement-breakpoint
INSERT INTO module_search_text (module_id, title, summary, body) SELECT id, title, summary, NULL FROM modules;
--> statement-breakpoint
CREATE VIRTUAL TABLE course_search USING fts5(
  title, summary, module_titles,
  content = 'course_search_text', content_rowid = 'key',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER course_search_text_inserted AFTER INSERT ON course_search_text
BEGIN
  INSERT INTO course_search (rowid, title, summary, module_titles) VALUES (new.key, new.title, new.summary, new.module_titles);
END;
--> statement-breakpoint
CREATE TRIGGER course_search_text_deleted AFTER DELETE ON course_search_text
BEGIN
  INSERT INTO course_search (course_search, rowid, title, summary, module_titles)
    VALUES ('delete', old.key, old.title, old.summary, old.module_titles);
END;
--> statement-breakpoint
CREATE TRIGGER course_search_text_updated AFTER UPDATE ON course_search_text
BEGIN
  INSERT INTO course_search (course_search, rowid, title, summary, module_titles)
    VALUES ('delete', old.key, old.title, old.summary, old.module_titles);
  INSERT INTO course_search (rowid, title, summary, module_titles) VALUES (new.key, new.title, new.summary, new.module_titles);
END;
--> statement-breakpoint
CREATE TRIGGER courses_search_inserted AFTER INSERT ON courses
BEGIN
  INSERT INTO course_search_text (course_id, title, summary, module_titles) VALUES (new.id, new.title, new.description, '');
END;
--> statement-breakpoint
CREATE TRIGGER courses_search_updated AFTER UPDATE OF title, description ON courses
WHEN new.title IS NOT old.title OR new.description IS NOT old.description
BEGIN
  UPDATE course_search_text SET title = new.title, summary = new.description WHERE course_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER course_items_search_inserted AFTER INSERT ON course_items
BEGIN
  UPDATE course_search_text SET module_titles = (
    SELECT coalesce(group_concat(m.title, ' · '), '') FROM course_items ci JOIN modules m ON m.id = ci.module_id
    WHERE ci.course_id = new.course_id
  ) WHERE course_id = new.course_id;
END;
--> statement-breakpoint
CREATE TRIGGER course_items_search_deleted AFTER DELETE ON course_items
BEGIN
  UPDATE course_search_text SET module_titles = (
    SELECT coalesce(group_concat(m.title, ' · '), '') FROM course_items ci JOIN modules m ON m.id = ci.module_id
    WHERE ci.course_id = old.course_id
  ) WHERE course_id = old.course_id;
END;
--> statement-breakpoint
CREATE TRIGGER modules_course_search_updated AFTER UPDATE OF title ON modules
WHEN new.title IS NOT old.title
BEGIN
  UPDATE course_search_text SET module_titles = (
    SELECT coalesce(group_concat(m.title, ' · '), '') FROM course_items ci JOIN modules m ON m.id = ci.module_id
    WHERE ci.course_id = course_search_text.course_id
  ) WHERE course_id IN (SELECT course_id FROM course_items WHERE module_id = new.id);
END;
--> statement-breakpoint
INSERT INTO course_search_text (course_id, title, summary, module_titles)
  SELECT c.id, c.title, c.description, coalesce((
    SELECT group_concat(m.title, ' · ') FROM course_items ci JOIN modules m ON m.id = ci.module_id WHERE ci.course_id = c.id
  ), '') FROM courses c;
