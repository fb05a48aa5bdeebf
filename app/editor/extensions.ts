import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { AnyExtension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { Placeholder } from "@tiptap/extensions";
import { ReactNodeViewRenderer } from "@tiptap/react";
import type { ComponentType } from "react";
import type * as Y from "yjs";
import {
  EDITOR_MAX_CHANGE,
  EDITOR_MAX_CHANGE_BYTES,
  EDITOR_MAX_SIZE,
  FRAGMENT,
} from "../../modules/collaboration/protocol";
import { documentExtensions } from "../../modules/documents/extensions";
import { BLOCK_TYPES } from "../../modules/documents/vocabulary";
import { BlockEnter } from "./block-enter";
import { ImageDrop } from "./image-drop";
import { ImageView } from "./image-view";
import { LockedParts } from "./locked-parts";
import {
  CheckOptionView,
  ContentNoteView,
  KeyTakeawayView,
  KnowledgeCheckView,
  ReflectionPromptView,
  ScenarioResponseView,
  ScenarioView,
  SelfCarePlanView,
  SupportSignpostView,
} from "./node-views";
import { Reorder } from "./reorder";
import { SectionDrag } from "./section-drag";
import { DialogShortcuts, type EditorDialog } from "./shortcuts";
import { type Limit, SizeLimit } from "./size-limit";
import { SlashMenu } from "./slash-menu";
import { StoryView } from "./story-view";
import { Suggesting, type SuggestingOptions, withSuggesterNames } from "./suggesting";

// biome-ignore lint/suspicious/noExplicitAny: node view components take Tiptap's NodeViewProps
const NODE_VIEWS: Record<string, ComponentType<any>> = {
  contentNote: ContentNoteView,
  reflectionPrompt: ReflectionPromptView,
  knowledgeCheck: KnowledgeCheckView,
  checkOption: CheckOptionView,
  scenario: ScenarioView,
  scenarioResponse: ScenarioResponseView,
  keyTakeaway: KeyTakeawayView,
  supportSignpost: SupportSignpostView,
  selfCarePlan: SelfCarePlanView,
  story: StoryView,
  image: ImageView,
};

const PLACEHOLDERS: Record<string, string> = {
  heading: "Section heading",
  checkQuestion: "Write the question",
  optionText: "Write an answer",
  optionFeedback: "Feedback when someone chooses this answer",
  scenarioSituation: "Describe the situation",
  responseText: "A way someone might respond",
  responseDiscussion: "What might happen, and why",
  reflectionPrompt: "Write a question for learners to reflect on",
  contentNote: "Optional: say a little more about what this section covers",
  supportSignpost: "Optional: a short lead-in, such as “If this brings anything up for you…”",
  selfCarePlan: "Optional: a short intro, such as “Looking after yourself is part of supporting others.”",
  story: "The storyteller's words, as they agreed to share them",
};

/**
 * The shared document extensions, plus what only the editor needs: node views with editing
 * controls, collaboration (which also brings per-person undo and redo), carets, placeholders and
 * the size limit.
 */
export function editorExtensions(options: {
  document: Y.Doc;
  provider: HocuspocusProvider;
  user: { name: string; color: string };
  onLimit: (limit: Limit) => void;
  onMoved: (message: string) => void;
  onDialog: (dialog: EditorDialog) => void;
  suggesting: SuggestingOptions;
  nameOf: (userId: string) => string;
  onImage: (file: File) => void;
}): AnyExtension[] {
  const base = documentExtensions.map((shared) => {
    const extension = withSuggesterNames(shared, options.nameOf);
    const view = NODE_VIEWS[extension.name];
    // Training blocks are dragged whole by their handle; the parts inside them stay where they are.
    const draggable = (BLOCK_TYPES as readonly string[]).includes(extension.name);
    return view
      ? extension.extend({ addNodeView: () => ReactNodeViewRenderer(view), ...(draggable ? { draggable: true } : {}) })
      : extension;
  });
  return [
    ...base,
    Collaboration.configure({ document: options.document, field: FRAGMENT }),
    CollaborationCaret.configure({ provider: options.provider, user: options.user }),
    Placeholder.configure({
      includeChildren: true,
      placeholder: ({ node }) => PLACEHOLDERS[node.type.name] ?? "Write here, or insert a training block",
    }),
    Reorder.configure({ onMoved: options.onMoved }),
    SectionDrag.configure({ onMoved: options.onMoved }),
    LockedParts,
    SlashMenu,
    BlockEnter,
    DialogShortcuts.configure({ onOpen: options.onDialog }),
    Suggesting.configure(options.suggesting),
    ImageDrop.configure({ onImage: options.onImage }),
    SizeLimit.configure({
      max: EDITOR_MAX_SIZE,
      maxChange: EDITOR_MAX_CHANGE,
      maxChangeBytes: EDITOR_MAX_CHANGE_BYTES,
      onLimit: options.onLimit,
    }),
  ];
}
