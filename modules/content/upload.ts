import { type Unzipped, unzipSync } from "fflate";
import { MAX_IMAGE_BYTES } from "../images/limits";
import { isImageFile } from "./images";
import type { ContentFile } from "./service";

/** The most content files one upload may hold: a whole curriculum, well short of a flood. */
export const MAX_UPLOAD_FILES = 200;
/** The largest one content file may be; the longest starter module is about 20 KB. */
export const MAX_CONTENT_FILE_BYTES = 512 * 1024;
/** The most a zip may unpack to, whatever its entries claim. */
export const MAX_UNPACKED_BYTES = 16 * 1024 * 1024;
/** The most images one zip may hold, and the most they may unpack to together. */
export const MAX_UPLOAD_IMAGES = 200;
export const MAX_UNPACKED_IMAGE_BYTES = 64 * 1024 * 1024;

export type Upload = { name: string; bytes: Uint8Array };
export type UploadFiles = { ok: true; files: ContentFile[]; images: Upload[] } | { ok: false; message: string };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const isZip = (bytes: Uint8Array) => ZIP_MAGIC.every((b, i) => bytes[i] === b);
const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
const refuse = (message: string): UploadFiles => ({ ok: false, message });

/** Content files live at a plain relative path: no parent folders, no absolute paths, no drive letters. */
function unsafePath(name: string) {
  return (
    name.startsWith("/") ||
    name.includes("\\") ||
    /^[A-Za-z]:/.test(name) ||
    name.split("/").some((part) => part === "..") ||
    /\p{Cc}/u.test(name)
  );
}

/** Folders, and what operating systems leave in zips (macOS's __MACOSX and ._ files, hidden files). */
function ignored(name: string) {
  return name.endsWith("/") || name.split("/").some((part) => part === "__MACOSX" || part.startsWith("."));
}

/** A content file is text: anything that is not UTF-8 is not one, whatever its name says. */
function decode(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The content files in what someone uploaded: one Markdown file, or a zip of them. Checked before
 * anything is unpacked and again after (a zip's entries can claim any size): a path that climbs out
 * (`../`), too many files, a file or a whole that is too big, or something that is not a zip nor
 * Markdown is refused with one plain sentence, and nothing is read further.
 */
export function contentFilesFrom(upload: Upload): UploadFiles {
  const { name, bytes } = upload;
  if (bytes.byteLength === 0) return refuse("Choose a content file (.md) or a zip of content files to import.");
  if (isZip(bytes)) return filesInZip(name, bytes);
  if (!/\.(md|markdown)$/i.test(name)) {
    return refuse(`“${name}” is neither a content file (.md) nor a zip of them.`);
  }
  if (bytes.byteLength > MAX_CONTENT_FILE_BYTES) {
    return refuse(`“${name}” is ${kb(bytes.byteLength)}; a content file can be at most ${kb(MAX_CONTENT_FILE_BYTES)}.`);
  }
  const text = decode(bytes);
  if (text === null) return refuse(`“${name}” is not a text file (UTF-8), so it cannot be a content file.`);
  return { ok: true, files: [{ name, text }], images: [] };
}

function filesInZip(zipName: string, bytes: Uint8Array): UploadFiles {
  let problem: string | null = null;
  let count = 0;
  let claimed = 0;
  let imageCount = 0;
  let imageBytes = 0;
  let unpacked: Unzipped;
  try {
    unpacked = unzipSync(bytes, {
      filter(entry) {
        if (problem) return false;
        if (unsafePath(entry.name)) {
          problem = `“${zipName}” holds “${entry.name}”, a path outside the zip's own folders, so nothing was imported.`;
          return false;
        }
        if (ignored(entry.name)) return false;
        if (isImageFile(entry.name)) {
          imageCount += 1;
          imageBytes += entry.originalSize;
          if (imageCount > MAX_UPLOAD_IMAGES) problem = `“${zipName}” holds more than ${MAX_UPLOAD_IMAGES} images.`;
          else if (entry.originalSize > MAX_IMAGE_BYTES) {
            problem = `“${entry.name}” in the zip is ${kb(entry.originalSize)}; an image can be at most ${kb(MAX_IMAGE_BYTES)}.`;
          } else if (imageBytes > MAX_UNPACKED_IMAGE_BYTES) {
            problem = `The images in “${zipName}” unpack to more than ${kb(MAX_UNPACKED_IMAGE_BYTES)}.`;
          }
          return problem === null;
        }
        if (!/\.(md|markdown)$/i.test(entry.name)) return false;
        count += 1;
        claimed += entry.originalSize;
        if (count > MAX_UPLOAD_FILES) problem = `“${zipName}” holds more than ${MAX_UPLOAD_FILES} content files.`;
        else if (entry.originalSize > MAX_CONTENT_FILE_BYTES) {
          problem = `“${entry.name}” in the zip is ${kb(entry.originalSize)}; a content file can be at most ${kb(MAX_CONTENT_FILE_BYTES)}.`;
        } else if (claimed > MAX_UNPACKED_BYTES) {
          problem = `“${zipName}” unpacks to more than ${kb(MAX_UNPACKED_BYTES)}.`;
        }
        return problem === null;
      },
    });
  } catch {
    return refuse(`“${zipName}” could not be opened as a zip file.`);
  }
  if (problem) return refuse(problem);
  const files: ContentFile[] = [];
  const images: Upload[] = [];
  for (const [name, data] of Object.entries(unpacked).sort(([a], [b]) => a.localeCompare(b))) {
    if (isImageFile(name)) {
      // The image pipeline checks each one's real size and content again.
      images.push({ name, bytes: data });
      continue;
    }
    // fflate unpacks each entry into a buffer of the size it claims, so the claims checked above bound
    // what is held; the real sizes are checked again all the same.
    if (data.byteLength > MAX_CONTENT_FILE_BYTES) {
      return refuse(`“${name}” in the zip is larger than ${kb(MAX_CONTENT_FILE_BYTES)}.`);
    }
    const text = decode(data);
    if (text === null) return refuse(`“${name}” in the zip is not a text file (UTF-8).`);
    files.push({ name, text });
  }
  if (files.length === 0) return refuse(`“${zipName}” holds no content files (.md).`);
  return { ok: true, files, images };
}
