import sharp, { type Metadata, type Sharp } from "sharp";
import { PHONE_WIDTH } from "../documents/blocks/image";
import { FULL_WIDTH, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS } from "./limits";
import { type ImageKind, imageKind, looksLikeSvg } from "./sniff";

export type Upload = { name: string; bytes: Uint8Array };
/** One stored copy of an image: WebP bytes and their size in pixels. */
export type Copy = { bytes: Buffer; width: number; height: number; mime: "image/webp" };
export type Processed = { ok: true; kind: ImageKind; full: Copy; phone: Copy };
export type Refused = { ok: false; message: string };

const mb = (bytes: number) => `${Math.max(1, Math.round(bytes / (1024 * 1024)))} MB`;
const megapixels = (pixels: number) => `${Math.round(pixels / 1_000_000)} megapixels`;
const refuse = (message: string): Refused => ({ ok: false, message });

/**
 * Turns what someone uploaded into the copies learners load, or says plainly why it cannot be used.
 * The type is read from the bytes, never the name; the size in pixels is read from the header before
 * anything is decoded (`limitInputPixels`), so a small file that would unpack to gigabytes is refused
 * unread. Every copy is decoded and encoded again, turned the right way up first, so nothing of the
 * original file (camera, place, time) survives: sharp writes no metadata unless asked to.
 */
export async function processImage(upload: Upload): Promise<Processed | Refused> {
  const { name, bytes } = upload;
  if (bytes.byteLength === 0) return refuse(`“${name}” is empty. Choose a picture file (PNG, JPEG, WebP or GIF).`);
  if (bytes.byteLength > MAX_IMAGE_BYTES) {
    return refuse(
      `“${name}” is ${mb(bytes.byteLength)}; an image can be at most ${mb(MAX_IMAGE_BYTES)}. Save a smaller copy and try again.`,
    );
  }
  const kind = imageKind(bytes);
  if (!kind) {
    if (looksLikeSvg(bytes)) {
      return refuse(`“${name}” is an SVG drawing, which cannot be used here. Save it as a PNG and try again.`);
    }
    return refuse(`“${name}” is not a picture file this can use. Choose a PNG, JPEG, WebP or GIF.`);
  }
  // One frame of a GIF: moving pictures that cannot be paused distract and can harm (WCAG 2.2.2).
  const input = () => sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "error", pages: 1 });
  let header: Metadata;
  try {
    // The header alone, read without the limit so that the answer can say how big the image is; the
    // limit is then enforced again by the decoder itself.
    header = await sharp(bytes, { limitInputPixels: false, pages: 1 }).metadata();
  } catch {
    return refuse(`“${name}” is damaged or incomplete, so it cannot be read. Try saving it again.`);
  }
  const pixels = (header.width ?? 0) * (header.pageHeight ?? header.height ?? 0);
  if (pixels > MAX_IMAGE_PIXELS) {
    return refuse(
      `“${name}” is ${megapixels(pixels)}; an image can be at most ${megapixels(MAX_IMAGE_PIXELS)}. Save a smaller copy and try again.`,
    );
  }
  try {
    const full = await copyOf(input(), FULL_WIDTH);
    const phone = full.width <= PHONE_WIDTH ? full : await copyOf(input(), PHONE_WIDTH);
    return { ok: true, kind, full, phone };
  } catch {
    return refuse(`“${name}” is damaged or incomplete, so it cannot be read. Try saving it again.`);
  }
}

async function copyOf(image: Sharp, width: number): Promise<Copy> {
  const { data, info } = await image
    .rotate()
    .resize({ width, withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height, mime: "image/webp" };
}
