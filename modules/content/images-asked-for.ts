import fs from "node:fs";
import path from "node:path";
import { MAX_IMAGE_BYTES } from "../images/limits";
import { parseModuleFile } from "./parse";
import type { ContentFile } from "./service";
import { MAX_UPLOAD_IMAGES } from "./upload";

export type AskedImages =
  | { ok: true; images: { name: string; bytes: Uint8Array }[] }
  | { ok: false; problems: string[] };

/**
 * The image files that content files on disk name, read from beside each file, for the CLI. A first
 * reading only notes which paths the files ask for (its problems are left to the real import); only
 * a path inside the content file's own folder is read, so a file cannot pull in anything else on
 * the machine. A path that is missing is left for the import to report at its line.
 */
export function imagesAskedFor(files: ContentFile[]): AskedImages {
  const wanted = new Set<string>();
  for (const file of files) {
    const folder = path.resolve(path.dirname(file.name));
    parseModuleFile(file.text, file.name, (asked) => {
      const inside = path.relative(folder, path.resolve(asked));
      if (!inside.startsWith("..") && !path.isAbsolute(inside)) wanted.add(asked);
      return null;
    });
  }
  const images: { name: string; bytes: Uint8Array }[] = [];
  const problems: string[] = [];
  for (const name of [...wanted].sort()) {
    const stat = fs.statSync(name, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    if (stat.size > MAX_IMAGE_BYTES) {
      problems.push(
        `${name}: this image is ${Math.round(stat.size / 1024)} KB; an image can be at most ${Math.round(MAX_IMAGE_BYTES / 1024)} KB.`,
      );
      continue;
    }
    images.push({ name, bytes: fs.readFileSync(name) });
  }
  if (images.length > MAX_UPLOAD_IMAGES)
    problems.push(`The files name more than ${MAX_UPLOAD_IMAGES} images: import them in smaller groups.`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, images };
}
