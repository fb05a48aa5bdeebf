import path from "node:path/posix";
import type { JSONContent } from "@tiptap/core";
import type { Image as MdImage, Paragraph } from "mdast";
import type { Problems } from "./problems";

/** An image file of the upload, once taken into the organisation's images: what the document names. */
export type ImportedImage = { imageId: string; width: number; height: number };
/** Finds an image by its path beside the content file (in the zip, or on disk); null when there is none. */
export type ImageLookup = (pathInZip: string) => ImportedImage | null;

/** The title that marks an image as decorative in a content file: `![](images/leaf.png "decorative")`. */
export const DECORATIVE_TITLE = "decorative";

/** Where a module's image goes in its zip download, beside the content file. */
export const imageFileName = (imageId: string) => `images/${imageId}.webp`;

const IMAGE_FILE = /\.(png|jpe?g|webp|gif)$/i;
export const isImageFile = (name: string) => IMAGE_FILE.test(name);

/** The one image a paragraph holds on its own line, or null when it holds anything else. */
export function loneImage(node: Paragraph): MdImage | null {
  const [only, ...rest] = node.children;
  return only?.type === "image" && rest.length === 0 ? only : null;
}

/**
 * An image line of a content file as the document's image node, or null with the problem reported:
 * the path is relative to the content file and stays inside its folder (no `../`, no address, no
 * absolute path), the file is there, and the image says what it shows or is marked decorative. The
 * folder is the file's folder in a zip, or on disk for the CLI.
 */
export function imageNode(
  node: MdImage,
  fileName: string,
  images: ImageLookup,
  problems: Problems,
): JSONContent | null {
  const url = node.url;
  const decorative = node.title === DECORATIVE_TITLE;
  const alt = (node.alt ?? "").trim();
  const beside = path.normalize(url);
  const inZip = path.join(path.dirname(fileName), beside);
  if (
    /^[a-z][a-z0-9+.-]*:/i.test(url) ||
    url.startsWith("/") ||
    url.includes("\\") ||
    beside.startsWith("../") ||
    beside === ".."
  ) {
    problems.on(
      node,
      `“${url}” is not a file beside this one: put the image beside the content file, such as images/picture.jpg, and write that path.`,
    );
    return null;
  }
  if (!alt && !decorative) {
    problems.on(
      node,
      `The image “${url}” needs alt text that says what it shows: ![Two people talking](${url}). If it adds nothing a learner would miss, mark it decorative: ![](${url} "decorative").`,
    );
    return null;
  }
  const found = images(inZip);
  if (!found) {
    problems.on(node, `“${url}” is missing: add the image at ${inZip}, beside the content file, or remove this line.`);
    return null;
  }
  return { type: "image", attrs: { ...found, alt: decorative ? "" : alt, decorative } };
}
