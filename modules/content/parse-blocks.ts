import type { JSONContent } from "@tiptap/core";
import type { BlockContent, DefinitionContent, List, ListItem, Paragraph, RootContent } from "mdast";
import type { ContainerDirective, LeafDirective } from "mdast-util-directive";
import type { Node } from "unist";
import {
  CHECK_OPTIONS,
  CONTENT_NOTE_TOPICS,
  SCENARIO_RESPONSES,
  STORY_CREDITS,
  STORY_SCOPES,
} from "../documents/vocabulary";
import {
  contentNoteTopic,
  DIRECTIVE_ATTRIBUTES,
  DIRECTIVE_NAMES,
  type DirectiveName,
  ID_PATTERN,
  isDirectiveName,
} from "./format";
import type { ImageLookup } from "./images";
import { inlineContent } from "./parse-inline";
import type { Problems } from "./problems";

export type Directive = ContainerDirective | LeafDirective;

export type FlowContext = {
  problems: Problems;
  /** The file's text, for the few checks that need what was written rather than what it means. */
  source: string;
  /** The file's path (inside a zip), which image paths are relative to. */
  fileName: string;
  /** The upload's images, when it can carry them; without, an image is refused. */
  images?: ImageLookup;
  /** Converts Markdown blocks (passed in to keep the block converters free of a module cycle). */
  flow: (nodes: RootContent[]) => JSONContent[];
  /** Records an id written in the file; reports it when another block already uses it. */
  claimId: (id: string, node: Node) => void;
};

type Attributes = Record<string, string>;

/** A training block from its directive, or null when it is too broken to convert (problems say why). */
export function trainingBlock(node: Directive, ctx: FlowContext): JSONContent | null {
  const { problems } = ctx;
  const written = `${node.type === "leafDirective" ? "::" : ":::"}${node.name}`;
  if (!isDirectiveName(node.name)) {
    problems.on(node, `Unknown block "${written}". The blocks are: ${DIRECTIVE_NAMES.join(", ")}.`);
    return null;
  }
  if (node.type === "containerDirective" && !node.data?.position?.closing) {
    problems.on(node, `This ${written} block is never closed: end it with a line of three colons (:::).`);
    return null;
  }
  if (hasLabel(node)) {
    problems.on(
      node,
      `Text in [brackets] after ${written} is not used: put the text on the next line, inside the block.`,
    );
  }
  const attrs = readAttributes(node, node.name, ctx);
  switch (node.name) {
    case "content-note":
      return contentNote(node, attrs, ctx);
    case "reflection":
      return reflection(node, attrs, ctx);
    case "knowledge-check":
      return knowledgeCheck(node, attrs, ctx);
    case "scenario":
      return scenario(node, attrs, ctx);
    case "takeaways":
      return takeaways(node, ctx);
    case "support":
      return support(node, ctx);
    case "self-care-plan":
      return selfCarePlan(node, ctx);
    case "story":
      return story(node, attrs, ctx);
  }
}

function hasLabel(node: Directive) {
  if (node.type === "leafDirective") return node.children.length > 0;
  return Boolean(node.children[0]?.data && "directiveLabel" in node.children[0].data);
}

/** The block's content: a leaf directive (`::support`) has none, and a label is not content. */
function body(node: Directive): (BlockContent | DefinitionContent)[] {
  if (node.type === "leafDirective") return [];
  return hasLabel(node) ? node.children.slice(1) : node.children;
}

function readAttributes(node: Directive, name: DirectiveName, ctx: FlowContext): Attributes {
  const allowed = DIRECTIVE_ATTRIBUTES[name];
  const attrs: Attributes = {};
  for (const [key, value] of Object.entries(node.attributes ?? {})) {
    if (value === null || value === undefined) continue;
    if (!allowed.includes(key)) {
      const where = node.data?.position?.attributes?.[key]?.start;
      const accepted = allowed.length > 0 ? `It accepts: ${allowed.join(", ")}.` : "It takes no attributes.";
      const shown = key === "class" ? `.${value}` : key;
      if (where) ctx.problems.at(where.line, `:::${name} has no attribute "${shown}". ${accepted}`, where.column);
      else ctx.problems.on(node, `:::${name} has no attribute "${shown}". ${accepted}`);
      continue;
    }
    attrs[key] = value;
  }
  return attrs;
}

function idAttribute(node: Directive, attrs: Attributes, ctx: FlowContext): string | null {
  const id = attrs.id;
  if (id === undefined) return null;
  if (!ID_PATTERN.test(id)) {
    ctx.problems.on(node, `The id "${id}" is not valid: use letters, digits, - and _ only (or leave the id out).`);
    return null;
  }
  ctx.claimId(id, node);
  return id;
}

/** A space-separated list of ids for a block's parts, e.g. options="a b c". */
function idListAttribute(node: Directive, attrs: Attributes, key: string, ctx: FlowContext): string[] | null {
  const raw = attrs[key];
  if (raw === undefined) return null;
  const ids = raw.split(/\s+/).filter(Boolean);
  const bad = ids.find((id) => !ID_PATTERN.test(id));
  if (bad !== undefined) {
    ctx.problems.on(node, `The id "${bad}" in ${key}="…" is not valid: use letters, digits, - and _ only.`);
    return null;
  }
  for (const id of ids) ctx.claimId(id, node);
  return ids;
}

function booleanAttribute(node: Directive, attrs: Attributes, key: string, ctx: FlowContext): boolean {
  const value = attrs[key];
  if (value === undefined || value === "false") return false;
  if (value === "" || value === "true") return true;
  ctx.problems.on(node, `${key} is a yes-or-no setting: write just ${key}, or leave it out.`);
  return false;
}

/**
 * The one paragraph of text a block holds (a reflection's question, a signpost's lead-in).
 * Returns null when the block holds something else.
 */
function singleParagraph(node: Directive, ctx: FlowContext, what: string): JSONContent[] | null {
  const children = body(node);
  if (children.length === 0) return [];
  const [first, ...rest] = children;
  if (first?.type !== "paragraph" || rest.length > 0) {
    ctx.problems.on(
      rest[0] ?? first,
      `${what} holds one paragraph of text and nothing else. To start a new line, end the line before with a backslash (\\).`,
    );
    return null;
  }
  return inlineContent(first.children, ctx.problems);
}

function contentNote(node: Directive, attrs: Attributes, ctx: FlowContext): JSONContent | null {
  const { problems } = ctx;
  const allTopics = CONTENT_NOTE_TOPICS.join(", ");
  const written = (attrs.topics ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  if (written.length === 0) {
    problems.on(
      node,
      `A content note names its topics, like :::content-note{topics="suicide,self_harm"}. Topics: ${allTopics}.`,
    );
  }
  const topics: string[] = [];
  for (const topic of written) {
    const known = contentNoteTopic(topic);
    if (!known) problems.on(node, `Unknown content note topic "${topic}". Topics: ${allTopics}.`);
    else if (topics.includes(known)) problems.on(node, `The content note lists "${topic}" twice.`);
    else topics.push(known);
  }
  const customTopic = (attrs.custom ?? "").trim();
  if (topics.includes("custom") && !customTopic) {
    problems.on(node, 'The content note lists a custom topic: name it with custom="…", for example custom="gambling".');
  }
  if (customTopic && !topics.includes("custom")) {
    problems.on(node, 'custom="…" names a custom topic, so add custom to topics as well, for example topics="custom".');
  }
  const content = singleParagraph(node, ctx, "A content note");
  if (content === null) return null;
  return { type: "contentNote", attrs: { topics, customTopic }, content };
}

function reflection(node: Directive, attrs: Attributes, ctx: FlowContext): JSONContent | null {
  const id = idAttribute(node, attrs, ctx);
  const content = singleParagraph(node, ctx, "A reflection prompt");
  if (content === null) return null;
  if (content.length === 0) {
    ctx.problems.on(node, "This reflection prompt is empty: write the question the learner will answer privately.");
  }
  return { type: "reflectionPrompt", attrs: { id }, content };
}

function takeaways(node: Directive, ctx: FlowContext): JSONContent | null {
  const children = body(node);
  const misplaced = children.find((c) => c.type !== "paragraph" && c.type !== "list");
  if (misplaced) {
    ctx.problems.on(misplaced, "Key takeaways hold paragraphs and lists only.");
    return null;
  }
  const content = ctx.flow(children);
  if (content.length === 0) {
    ctx.problems.on(node, "This takeaways block is empty: write the few things to remember, as a list or a paragraph.");
    return null;
  }
  return { type: "keyTakeaway", content };
}

function support(node: Directive, ctx: FlowContext): JSONContent | null {
  const content = singleParagraph(node, ctx, "A support signpost");
  if (content === null) return null;
  return { type: "supportSignpost", content };
}

function selfCarePlan(node: Directive, ctx: FlowContext): JSONContent | null {
  const content = singleParagraph(node, ctx, "A self-care plan");
  if (content === null) return null;
  return { type: "selfCarePlan", content };
}

const REVIEW_DATE = /^\d{4}-\d{2}-\d{2}$/;

function story(node: Directive, attrs: Attributes, ctx: FlowContext): JSONContent | null {
  const { problems } = ctx;
  const id = idAttribute(node, attrs, ctx);
  if (booleanAttribute(node, attrs, "withdrawn", ctx)) return { type: "story", attrs: { id, withdrawn: true } };
  const credit = attrs.credit ?? "named";
  if (!(STORY_CREDITS as readonly string[]).includes(credit)) {
    problems.on(node, `A story's credit is one of: ${STORY_CREDITS.join(", ")}.`);
  }
  const scope = attrs.scope ?? "";
  if (scope && !(STORY_SCOPES as readonly string[]).includes(scope)) {
    problems.on(node, `A story's scope is one of: ${STORY_SCOPES.join(", ")}.`);
  }
  const reviewOn = attrs.review ?? "";
  if (reviewOn && !REVIEW_DATE.test(reviewOn)) {
    problems.on(node, 'A story\'s review date is written as year-month-day, like review="2027-06-30".');
  }
  const children = body(node);
  const misplaced = children.find((c) => c.type !== "paragraph");
  if (misplaced) {
    problems.on(misplaced, "A story holds paragraphs of text only.");
    return null;
  }
  const content = ctx.flow(children);
  if (content.length === 0) problems.on(node, "This story is empty: write the storyteller's words inside it.");
  return {
    type: "story",
    attrs: { id, storyteller: attrs.storyteller ?? "", credit, scope, reviewOn, withdrawn: false },
    content,
  };
}

/** A question or situation, then a list: the shape shared by knowledge checks and scenarios. */
type LeadAndList = { lead: Paragraph; list: List };

function leadAndList(node: Directive, ctx: FlowContext, what: string, leadName: string, listHint: string) {
  const children = body(node);
  const listIndex = children.findIndex((c) => c.type === "list");
  const leads = listIndex === -1 ? children : children.slice(0, listIndex);
  const list = children[listIndex] as List | undefined;
  const after = listIndex === -1 ? [] : children.slice(listIndex + 1);
  let ok = true;
  const lead = leads[0];
  if (!lead) {
    ctx.problems.on(node, `This ${what} has no ${leadName}: write it on the line after :::${node.name}.`);
    ok = false;
  } else if (lead.type !== "paragraph" || leads.length > 1) {
    ctx.problems.on(
      leads[1] ?? lead,
      `The ${leadName} of a ${what} is one paragraph; the ${listHint} follow as a list.`,
    );
    ok = false;
  }
  if (!list) {
    ctx.problems.on(node, `This ${what} has no ${listHint}. List them under the ${leadName}, each starting with "- ".`);
    ok = false;
  }
  if (after[0]) {
    ctx.problems.on(
      after[0],
      `Nothing can follow the ${listHint} inside a ${what}. Indent it under one of them, or move it after the closing :::.`,
    );
    ok = false;
  }
  return ok && lead?.type === "paragraph" && list ? ({ lead, list } satisfies LeadAndList) : null;
}

/**
 * An option or response: its text, then one paragraph (the feedback or discussion).
 * Returns the two inline contents, or null after reporting what is missing.
 */
function textAndExplanation(item: ListItem, label: string, explanation: string, ctx: FlowContext) {
  const [text, second, ...rest] = item.children;
  if (text?.type !== "paragraph") {
    ctx.problems.on(item, `${label} has no text.`);
    return null;
  }
  if (!second) {
    const joined = text.children.some((c) => c.type === "text" && c.value.includes("\n"));
    ctx.problems.on(
      item,
      `${label} has no ${explanation}. Leave a blank line under it, then write the ${explanation} indented by two spaces.` +
        (joined ? " (The line under it has no blank line before it, so it was read as part of the same text.)" : ""),
    );
    return null;
  }
  if (second.type !== "paragraph" || rest.length > 0) {
    ctx.problems.on(rest[0] ?? second, `${label} has its text and one paragraph of ${explanation}, nothing else.`);
    return null;
  }
  return {
    text: inlineContent(text.children, ctx.problems),
    explanation: inlineContent(second.children, ctx.problems),
  };
}

function knowledgeCheck(node: Directive, attrs: Attributes, ctx: FlowContext): JSONContent | null {
  const { problems } = ctx;
  const id = idAttribute(node, attrs, ctx);
  const multiple = booleanAttribute(node, attrs, "multiple", ctx);
  const optionIds = idListAttribute(node, attrs, "options", ctx);
  const parts = leadAndList(node, ctx, "knowledge check", "question", "options");
  if (!parts) return null;
  const items = parts.list.children;
  if (items.length < CHECK_OPTIONS.min || items.length > CHECK_OPTIONS.max) {
    problems.on(
      parts.list,
      `A knowledge check has ${CHECK_OPTIONS.min} to ${CHECK_OPTIONS.max} options; this one has ${items.length}.`,
    );
    return null;
  }
  if (optionIds && optionIds.length !== items.length) {
    problems.on(
      node,
      `options="…" lists ${optionIds.length} ids but there are ${items.length} options: give one id per option, in order, or leave options out.`,
    );
  }
  const options: JSONContent[] = [];
  let complete = true;
  items.forEach((item, i) => {
    const label = `Option ${i + 1}`;
    if (typeof item.checked !== "boolean") {
      problems.on(item, `${label} has no tick box: start it with [x] if it is a right answer, or [ ] if not.`);
    }
    const parts = textAndExplanation(item, label, "feedback", ctx);
    if (!parts) {
      complete = false;
      return;
    }
    if (parts.text.length === 0) problems.on(item, `${label} has no text.`);
    options.push({
      type: "checkOption",
      attrs: { id: optionIds?.[i] ?? null, correct: item.checked === true },
      content: [
        { type: "optionText", content: parts.text },
        { type: "optionFeedback", content: parts.explanation },
      ],
    });
  });
  const right = items.filter((item) => item.checked === true).length;
  if (right === 0) problems.on(parts.list, "Mark at least one option as a right answer with [x].");
  if (right > 1 && !multiple) {
    problems.on(
      parts.list,
      `This check has ${right} right answers but lets the learner pick only one: add multiple, as in :::knowledge-check{multiple}, or mark one answer with [x].`,
    );
  }
  const question = inlineContent(parts.lead.children, problems);
  if (question.length === 0) problems.on(parts.lead, "The question of this knowledge check is empty.");
  if (!complete) return null;
  return {
    type: "knowledgeCheck",
    attrs: { id, multiple },
    content: [{ type: "checkQuestion", content: question }, ...options],
  };
}

function scenario(node: Directive, attrs: Attributes, ctx: FlowContext): JSONContent | null {
  const { problems } = ctx;
  const id = idAttribute(node, attrs, ctx);
  const responseIds = idListAttribute(node, attrs, "responses", ctx);
  const parts = leadAndList(node, ctx, "scenario", "situation", "responses");
  if (!parts) return null;
  const items = parts.list.children;
  if (items.length < SCENARIO_RESPONSES.min || items.length > SCENARIO_RESPONSES.max) {
    problems.on(
      parts.list,
      `A scenario has ${SCENARIO_RESPONSES.min} to ${SCENARIO_RESPONSES.max} ways to respond; this one has ${items.length}.`,
    );
    return null;
  }
  if (responseIds && responseIds.length !== items.length) {
    problems.on(
      node,
      `responses="…" lists ${responseIds.length} ids but there are ${items.length} responses: give one id per response, in order, or leave responses out.`,
    );
  }
  const responses: JSONContent[] = [];
  let complete = true;
  items.forEach((item, i) => {
    const label = `Response ${i + 1}`;
    if (typeof item.checked === "boolean") {
      problems.on(item, `${label} has a tick box, but scenario responses are not right or wrong: remove the [ ].`);
    }
    const parts = textAndExplanation(item, label, "discussion", ctx);
    if (!parts) {
      complete = false;
      return;
    }
    if (parts.text.length === 0) problems.on(item, `${label} has no text.`);
    responses.push({
      type: "scenarioResponse",
      attrs: { id: responseIds?.[i] ?? null },
      content: [
        { type: "responseText", content: parts.text },
        { type: "responseDiscussion", content: parts.explanation },
      ],
    });
  });
  const situation = inlineContent(parts.lead.children, problems);
  if (situation.length === 0) problems.on(parts.lead, "The situation of this scenario is empty.");
  if (!complete) return null;
  return {
    type: "scenario",
    attrs: { id },
    content: [{ type: "scenarioSituation", content: situation }, ...responses],
  };
}
