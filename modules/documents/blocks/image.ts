import { Node } from "@tiptap/core";

/** Alt text is a sentence or two: anything longer belongs in the text beside the image. */
export const MAX_ALT_LENGTH = 500;
/** The copy phones load, and the width its srcset entry names (the image store makes it). */
export const PHONE_WIDTH = 640;
/** The most pixels a stored copy has on its longer side's width; the height follows the shape. */
const MAX_SIDE = 100_000;

export type ImageVariant = "full" | "phone";
export const IMAGE_VARIANTS: readonly ImageVariant[] = ["full", "phone"];

/** Where a stored image is served: its id names bytes that never change, so the address never does. */
export const imageUrl = (imageId: string, variant: ImageVariant) => `/images/${imageId}/${variant}`;

const IMAGE_ID = /^[A-Za-z0-9_-]{22}$/;

/** The attributes of an image's <img>, the same in the editor, the learner's page and packages. */
export function imageAttributes(attrs: {
  imageId: string;
  alt: string;
  decorative: boolean;
  width: number;
  height: number;
}) {
  const { imageId, alt, decorative, width, height } = attrs;
  const full = imageUrl(imageId, "full");
  const srcset =
    width > PHONE_WIDTH ? `${imageUrl(imageId, "phone")} ${PHONE_WIDTH}w, ${full} ${width}w` : `${full} ${width}w`;
  return {
    src: full,
    srcset,
    // The reading column is at most 42rem wide (the measure); on a phone the picture fills the screen.
    sizes: "(max-width: 42rem) 100vw, 42rem",
    width: String(width),
    height: String(height),
    alt: decorative ? "" : alt,
    loading: "lazy",
    decoding: "async",
    "data-image-id": imageId,
  } as const;
}

function must(ok: boolean, what: string) {
  if (!ok) throw new RangeError(`image: ${what}`);
}

/** Whether an image says what it shows, or was marked as decoration on purpose: never neither. */
export function describesItself(attrs: { alt?: unknown; decorative?: unknown } | undefined): boolean {
  return attrs?.decorative === true || (typeof attrs?.alt === "string" && attrs.alt.trim() !== "");
}

/**
 * A picture uploaded into the organisation's image store. It carries its own size so that pages
 * reserve its space before it loads, and its alt text; the server refuses one with neither alt text
 * nor a mark that it is decorative.
 */
export const Image = Node.create({
  name: "image",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      imageId: {
        default: null,
        validate: (value: unknown) => must(typeof value === "string" && IMAGE_ID.test(value), "unknown image"),
        parseHTML: (element: HTMLElement) => element.querySelector("img")?.getAttribute("data-image-id") ?? null,
      },
      alt: {
        default: "",
        validate: (value: unknown) =>
          must(typeof value === "string" && value.length <= MAX_ALT_LENGTH, "alt text too long"),
        parseHTML: (element: HTMLElement) => element.querySelector("img")?.getAttribute("alt") ?? "",
      },
      decorative: {
        default: false,
        validate: (value: unknown) => must(typeof value === "boolean", "decorative is yes or no"),
        parseHTML: (element: HTMLElement) => element.getAttribute("data-decorative") === "true",
      },
      width: {
        default: null,
        validate: (value: unknown) =>
          must(Number.isInteger(value) && (value as number) > 0 && (value as number) <= MAX_SIDE, "width"),
        parseHTML: (element: HTMLElement) => Number(element.querySelector("img")?.getAttribute("width")),
      },
      height: {
        default: null,
        validate: (value: unknown) =>
          must(Number.isInteger(value) && (value as number) > 0 && (value as number) <= MAX_SIDE, "height"),
        parseHTML: (element: HTMLElement) => Number(element.querySelector("img")?.getAttribute("height")),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'figure[data-type="image"]' }];
  },
  renderHTML({ node }) {
    const attrs = node.attrs as { imageId: string; alt: string; decorative: boolean; width: number; height: number };
    return [
      "figure",
      { "data-type": "image", class: "block image", ...(attrs.decorative ? { "data-decorative": "true" } : {}) },
      ["img", imageAttributes(attrs)],
    ];
  },
});
