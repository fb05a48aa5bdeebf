import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";

/** Pictures for the tests, each made for real: sharp for photos, a hand-built PNG for the bomb. */
export function photo(width: number, height: number, format: "jpeg" | "png" | "webp" | "gif" = "jpeg") {
  return sharp({ create: { width, height, channels: 3, background: "#3a7d44" } })
    .toFormat(format)
    .toBuffer();
}

/** A JPEG whose data looks like a photo's (noise compresses badly), so that cutting it leaves a real header. */
export async function noisyJpeg(width: number, height: number) {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i += 1) raw[i] = (i * 2654435761) >>> 24;
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg()
    .toBuffer();
}

/** A JPEG with the place it was taken (GPS) and a copyright line in its EXIF, taken on its side. */
export function jpegWithGps() {
  return sharp({ create: { width: 200, height: 100, channels: 3, background: "#c33" } })
    .jpeg()
    .withExif({
      IFD0: { Copyright: "Someone's camera" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** The EXIF tag that points at the GPS block, as it is written little-endian. */
export const GPS_POINTER = Buffer.from([0x25, 0x88]);

function chunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG of `side` × `side` one-bit pixels, all zero: a few kilobytes that unpack to many megapixels. */
export function decompressionBomb(side: number) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc(side * (1 + Math.ceil(side / 8)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
