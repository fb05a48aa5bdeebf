import { type AnyExtension, Extension, getSchema } from "@tiptap/core";
import UniqueID from "@tiptap/extension-unique-id";
import StarterKit from "@tiptap/starter-kit";
import { ContentNote } from "./blocks/content-note";
import { Image } from "./blocks/image";
import { KeyTakeaway } from "./blocks/key-takeaway";
import { CheckOption, CheckQuestion, KnowledgeCheck, OptionFeedback, OptionText } from "./blocks/knowledge-check";
import { ReflectionPrompt } from "./blocks/reflection-prompt";
import { ResponseDiscussion, ResponseText, Scenario, ScenarioResponse, ScenarioSituation } from "./blocks/scenario";
import { SelfCarePlan } from "./blocks/self-care-plan";
import { Story } from "./blocks/story";
import { SupportSignpost } from "./blocks/support-signpost";
import { CommentMark } from "./comment-mark";
import { isAllowedLink } from "./links";
import {
  allowingBlockSuggestions,
  BlockSuggestions,
  DeletionMark,
  InsertionMark,
  ModificationMark,
} from "./suggestion-marks";
import { ID_NODE_TYPES } from "./vocabulary";

/** Short random ids for blocks (browser and Node both have Web Crypto). */
export function newBlockId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
}

/**
 * Whether a list is loose, with space between its items. Markdown says so with blank lines between
 * them, and a module written as a file keeps saying so when it is exported again.
 */
const ListSpacing = Extension.create({
  name: "listSpacing",
  addGlobalAttributes() {
    return [
      {
        types: ["bulletList", "orderedList"],
        attributes: {
          loose: {
            default: false,
            parseHTML: (element: HTMLElement) => element.getAttribute("data-loose") === "true",
            renderHTML: (attributes: Record<string, unknown>) => (attributes.loose ? { "data-loose": "true" } : {}),
          },
        },
      },
    ];
  },
});

/**
 * The one list of extensions that defines a training module document. The editor adds its editing
 * behaviour (node views, collaboration, carets) on top; the server renders and validates with this
 * list unchanged, so what people write is exactly what learners get.
 */
export const documentExtensions: AnyExtension[] = (
  [
    StarterKit.extend({
      // Links are not inclusive: typing right after one writes plain text, rather than stretching the
      // link over the rest of the sentence (Tiptap makes links inclusive whenever autolink is on).
      addExtensions() {
        return (this.parent?.() ?? []).map((extension) =>
          extension.name === "link" ? extension.extend({ inclusive: false }) : allowingBlockSuggestions(extension),
        );
      },
    }).configure({
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      // Undo and redo come from the collaboration extension in the editor (per-person, Yjs-aware).
      undoRedo: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: "https",
        isAllowedUri: (url) => isAllowedLink(url),
        HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
      },
    }),
    ContentNote,
    ReflectionPrompt,
    KnowledgeCheck,
    CheckQuestion,
    CheckOption,
    OptionText,
    OptionFeedback,
    Scenario,
    ScenarioSituation,
    ScenarioResponse,
    ResponseText,
    ResponseDiscussion,
    KeyTakeaway,
    SupportSignpost,
    SelfCarePlan,
    Story,
    Image,
    ListSpacing,
    CommentMark,
    InsertionMark,
    DeletionMark,
    ModificationMark,
    BlockSuggestions,
    UniqueID.configure({ types: ID_NODE_TYPES, generateID: () => newBlockId() }),
  ] as AnyExtension[]
).map(allowingBlockSuggestions);

export const documentSchema = getSchema(documentExtensions);
