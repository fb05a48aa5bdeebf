/**
 * The image pipeline on a phone photo's size: a 4,000 × 3,000 JPEG (12 megapixels, with EXIF and an
 * orientation, as a camera writes it) taken through `processImage` in process: checked, turned,
 * stripped, and encoded as the 1,600 px and 640 px WebP copies.
 *
 *   npm run bench:images
 *
 * Settings (environment): BENCH_IMAGE_RUNS (9), BENCH_DOC (docs/benchmarks.md; "-" to skip writing it).
 */
import { performance } from "node:perf_hooks";
import sharp from "sharp";
import { processImage } from "../../modules/images/pipeline";
import { busyNote, bytes, loadAverage, machine, markdownTable, ms, recordSection, summarise, today } from "./report";

const RUNS = Number(process.env.BENCH_IMAGE_RUNS ?? 9);
const WARM_UP = 2;
const WIDTH = 4000;
const HEIGHT = 3000;

/** Smooth light with fine grain, so that the JPEG is the size a camera's is, not a flat colour's. */
async function cameraJpeg() {
  const raw = Buffer.alloc(WIDTH * HEIGHT * 3);
  let seed = 1;
  for (let y = 0; y < HEIGHT; y += 1) {
    for (let x = 0; x < WIDTH; x += 1) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const grain = (seed >> 16) % 24;
      const i = (y * WIDTH + x) * 3;
      raw[i] = (x * 200) / WIDTH + grain;
      raw[i + 1] = (y * 180) / HEIGHT + grain;
      raw[i + 2] = 90 + grain;
    }
  }
  return sharp(raw, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 85 })
    .withExif({ IFD0: { Make: "Phone", Model: "Camera" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" } })
    .withMetadata({ orientation: 1 })
    .toBuffer();
}

async function main() {
  const photo = await cameraJpeg();
  const run = async () => {
    const result = await processImage({ name: "photo.jpg", bytes: photo });
    if (!result.ok) throw new Error(result.message);
    return result;
  };
  for (let i = 0; i < WARM_UP; i += 1) await run();
  const loadBefore = loadAverage();
  const samples: number[] = [];
  const cpuBefore = process.cpuUsage();
  let last = await run();
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    last = await run();
    samples.push(performance.now() - started);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuPerRun = (cpu.user + cpu.system) / 1000 / (RUNS + 1);
  const loadAfter = loadAverage();
  const summary = summarise(samples);
  console.log(
    `processImage ${WIDTH}×${HEIGHT}: median ${ms(summary.median)}, p95 ${ms(summary.p95)}, ${ms(cpuPerRun, 0)} CPU`,
  );
  recordSection("Image pipeline", [
    "`npm run bench:images` makes a 4,000 × 3,000 JPEG the size a phone camera writes (smooth light with fine",
    "grain, quality 85, EXIF with a GPS position) and takes it through `processImage` (modules/images/pipeline.ts)",
    `in process, ${RUNS} times after ${WARM_UP} warm-ups: the type read from the bytes, the header's size checked,`,
    "then each copy decoded, turned by its orientation, resized and encoded as WebP without metadata (the",
    "1,600 px copy and the 640 px one). sharp uses libvips' own threads, so CPU time can exceed wall-clock time.",
    "",
    markdownTable([
      ["Measure", "Value"],
      ["Machine", machine()],
      ["Load average (1 min) before / after measuring", `${loadBefore} / ${loadAfter}`],
      ["Input", `${WIDTH} × ${HEIGHT} JPEG, ${bytes(photo.byteLength)}`],
      [
        "Copies made",
        `${last.full.width} × ${last.full.height} WebP (${bytes(last.full.bytes.byteLength)}), ${last.phone.width} × ${last.phone.height} WebP (${bytes(last.phone.bytes.byteLength)})`,
      ],
      ["`processImage`, median / p95", `**${ms(summary.median)}** / ${ms(summary.p95)}`],
      ["CPU time per image (all threads)", ms(cpuPerRun, 0)],
      ["Date", today()],
    ]),
    ...busyNote(loadBefore, loadAfter),
  ]);
}

await main();
