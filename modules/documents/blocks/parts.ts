import { Node } from "@tiptap/core";

/**
 * A text part inside a training block (a question, an option's feedback…): inline content only, so
 * people co-edit it character by character and comments can anchor inside it.
 */
export function textPart(name: string, tag: string, options: { placeholder: string }) {
  return Node.create({
    name,
    content: "inline*",
    defining: true,
    selectable: false,
    addOptions() {
      return { placeholder: options.placeholder };
    },
    parseHTML() {
      return [{ tag: `${tag}[data-type="${name}"]` }];
    },
    renderHTML({ HTMLAttributes }) {
      return [tag, { ...HTMLAttributes, "data-type": name }, 0];
    },
  });
}

/** A boolean attribute, stored in HTML as data-…="true" or "false". */
export function booleanAttribute(key: string, dataName: string) {
  return {
    default: false,
    parseHTML: (el: HTMLElement) => el.getAttribute(dataName) === "true",
    renderHTML: (attrs: Record<string, unknown>) => ({ [dataName]: attrs[key] ? "true" : "false" }),
  };
}
