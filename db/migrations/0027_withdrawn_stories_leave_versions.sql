-- A published version never changes, except to lose a story its storyteller withdrew (ADR 33): then
-- only its document and HTML may be rewritten, and only while a withdrawal of a story in that module
-- is recorded.
DROP TRIGGER module_versions_immutable;
--> statement-breakpoint
CREATE TRIGGER module_versions_immutable BEFORE UPDATE ON module_versions
WHEN NOT (
  NEW.id IS OLD.id AND NEW.module_id IS OLD.module_id AND NEW.org_id IS OLD.org_id AND NEW.version IS OLD.version
  AND NEW.title IS OLD.title AND NEW.summary IS OLD.summary AND NEW.topic IS OLD.topic
  AND NEW.estimated_minutes IS OLD.estimated_minutes AND NEW.changelog IS OLD.changelog
  AND NEW.sections IS OLD.sections AND NEW.content_notes IS OLD.content_notes AND NEW.credits IS OLD.credits
  AND NEW.origin_credit IS OLD.origin_credit AND NEW.published_by IS OLD.published_by
  AND NEW.published_at IS OLD.published_at
  AND EXISTS (SELECT 1 FROM story_withdrawals w WHERE w.module_id = OLD.module_id)
)
BEGIN
  SELECT RAISE(ABORT, 'module versions are immutable');
END;
