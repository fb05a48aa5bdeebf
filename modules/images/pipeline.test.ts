import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { processImage } from "./pipeline";
import { decompressionBomb, GPS_POINTER, jpegWithGps, noisyJpeg, photo } from "./test-images";

const refusal = async (name: string, bytes: Uint8Array) => {
  const result = await processImage({ name, bytes });
  if (result.ok) throw new Error(`${name} was accepted`);
  return result.message;
};

describe("the image pipeline", () => {
  it("makes a full copy at most 1600 px wide and a 640 px copy for phones, keeping the shape", async () => {
    const result = await processImage({ name: "meeting.jpg", bytes: await photo(4000, 3000) });
    if (!result.ok) throw new Error(result.message);
    expect([result.full.width, result.full.height]).toEqual([1600, 1200]);
    expect([result.phone.width, result.phone.height]).toEqual([640, 480]);
    const stored = await sharp(result.phone.bytes).metadata();
    expect([stored.format, stored.width, stored.height]).toEqual(["webp", 640, 480]);
  });

  it("never enlarges a small image, and its phone copy is the same copy", async () => {
    const result = await processImage({ name: "icon.png", bytes: await photo(300, 200, "png") });
    if (!result.ok) throw new Error(result.message);
    expect([result.full.width, result.full.height]).toEqual([300, 200]);
    expect(result.phone).toBe(result.full);
    expect(result.kind).toBe("png");
  });

  it("takes PNG, JPEG, WebP and GIF, known by their bytes", async () => {
    for (const format of ["png", "jpeg", "webp", "gif"] as const) {
      const result = await processImage({ name: "picture", bytes: await photo(800, 600, format) });
      expect(result.ok && result.kind).toBe(format);
    }
  });

  it("removes the place and everything else the camera wrote, turning the picture the right way up first", async () => {
    const original = await jpegWithGps();
    const before = await sharp(original).metadata();
    expect(before.exif?.includes(GPS_POINTER)).toBe(true);
    expect(before.orientation).toBe(6);
    const result = await processImage({ name: "walk.jpg", bytes: original });
    if (!result.ok) throw new Error(result.message);
    for (const copy of [result.full, result.phone]) {
      const after = await sharp(copy.bytes).metadata();
      expect(after.exif).toBeUndefined();
      expect(after.xmp).toBeUndefined();
      expect(after.orientation).toBeUndefined();
      expect([after.width, after.height]).toEqual([100, 200]);
    }
    expect(result.full.bytes.includes(Buffer.from("Someone's camera"))).toBe(false);
  });

  it("refuses a 50 MB file before reading it", async () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    big.set(await photo(10, 10, "png"));
    expect(await refusal("holiday.png", big)).toBe(
      "“holiday.png” is 50 MB; an image can be at most 5 MB. Save a smaller copy and try again.",
    );
  });

  it("refuses an SVG renamed .png, by what it holds", async () => {
    const svg = new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect(await refusal("logo.png", svg)).toBe(
      "“logo.png” is an SVG drawing, which cannot be used here. Save it as a PNG and try again.",
    );
  });

  it("refuses a file that is no picture at all", async () => {
    expect(await refusal("notes.png", new TextEncoder().encode("Just some words."))).toBe(
      "“notes.png” is not a picture file this can use. Choose a PNG, JPEG, WebP or GIF.",
    );
  });

  it("refuses a truncated JPEG", async () => {
    const whole = await noisyJpeg(800, 600);
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    expect(await refusal("cut.jpg", cut)).toBe(
      "“cut.jpg” is damaged or incomplete, so it cannot be read. Try saving it again.",
    );
  });

  it("refuses a decompression bomb from its header, without unpacking it", async () => {
    const bomb = decompressionBomb(10_000);
    expect(bomb.byteLength).toBeLessThan(100 * 1024);
    const started = performance.now();
    expect(await refusal("bomb.png", bomb)).toBe(
      "“bomb.png” is 100 megapixels; an image can be at most 40 megapixels. Save a smaller copy and try again.",
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses an empty file", async () => {
    expect(await refusal("empty.jpg", new Uint8Array())).toBe(
      "“empty.jpg” is empty. Choose a picture file (PNG, JPEG, WebP or GIF).",
    );
  });
});
