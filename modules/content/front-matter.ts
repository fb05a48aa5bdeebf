import type { Yaml } from "mdast";
import { isMap, isScalar, LineCounter, parseDocument, stringify } from "yaml";
import { MODULE_TOPICS, type ModuleDetails, moduleDetailsSchema } from "../workshop/schemas";
import { FRONT_MATTER_FIELDS } from "./format";
import type { Problems } from "./problems";

const FIELD_LIST = FRONT_MATTER_FIELDS.join(", ");

/**
 * Reads the module details from the YAML front matter, reporting each problem on the line of the
 * field it concerns (or the opening `---` when a field is missing).
 */
export function readFrontMatter(node: Yaml | undefined, problems: Problems): ModuleDetails | null {
  if (!node) {
    problems.at(
      1,
      "The file must start with front matter: a line with ---, then the title, topic and estimatedMinutes, then another ---.",
    );
    return null;
  }
  const start = node.position?.start.line ?? 1;
  const lineCounter = new LineCounter();
  const yaml = parseDocument(node.value, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // The YAML text starts on the line after the opening `---`.
  const lineAt = (offset: number) => start + lineCounter.linePos(offset).line;

  if (yaml.errors.length > 0) {
    for (const error of yaml.errors) {
      problems.at(lineAt(error.pos[0]), `The front matter is not valid YAML: ${firstLine(error.message)}`);
    }
    return null;
  }
  if (!isMap(yaml.contents)) {
    problems.at(
      start,
      `The front matter must be a list of fields, one a line, like "title: Boundaries". Fields: ${FIELD_LIST}.`,
    );
    return null;
  }

  const keyLines = new Map<string, number>();
  const written = yaml.toJS() as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  let unknownField = false;
  for (const pair of yaml.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const line = isScalar(pair.key) && pair.key.range ? lineAt(pair.key.range[0]) : start;
    if (!(FRONT_MATTER_FIELDS as readonly string[]).includes(key)) {
      problems.at(line, `Unknown field "${key}" in the front matter. The fields are: ${FIELD_LIST}.`);
      unknownField = true;
      continue;
    }
    keyLines.set(key, line);
    values[key] = written[key] ?? undefined;
  }

  const before = problems.count;
  const parsed = moduleDetailsSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      const line = keyLines.get(field) ?? start;
      problems.at(line, fieldMessage(field, values[field], issue.message));
    }
  } else if (parsed.data.topic !== "other" && parsed.data.customTopic) {
    problems.at(
      keyLines.get("customTopic") ?? start,
      'customTopic is only used when the topic is "other". Remove it, or set topic: other.',
    );
  }
  if (unknownField || problems.count > before || !parsed.success) return null;
  return parsed.data;
}

function fieldMessage(field: string, value: unknown, zodMessage: string): string {
  if (value === undefined || value === null) {
    if (field === "customTopic") return 'The topic is "other", so name it: add customTopic to the front matter.';
    return `The front matter has no ${field}: add a line "${field}: …".`;
  }
  if (field === "topic") return `Unknown topic "${String(value)}". Use one of: ${MODULE_TOPICS.join(", ")}.`;
  if (field === "estimatedMinutes" && typeof value !== "number") {
    return 'estimatedMinutes is a whole number of minutes, like "estimatedMinutes: 30".';
  }
  return `${field}: ${zodMessage}`;
}

function firstLine(message: string) {
  return message.split("\n")[0]?.trim() ?? message;
}

/** Front matter text (without the --- fences), fields always in the same order so files diff cleanly. */
export function writeFrontMatter(details: ModuleDetails): string {
  const fields: Record<string, string | number> = { title: details.title, topic: details.topic };
  if (details.topic === "other") fields.customTopic = details.customTopic;
  if (details.summary) fields.summary = details.summary;
  fields.estimatedMinutes = details.estimatedMinutes;
  return stringify(fields, { lineWidth: 0 }).trimEnd();
}
