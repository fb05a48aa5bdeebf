/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside each built script and style sheet, once, at build
 * time, at the strongest settings: on the fly the server could afford only a quick, weaker squeeze.
 *
 *   node --import tsx modules/http/precompress.ts public/build
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const COMPRESSIBLE = /\.(js|css|map|svg|json)$/;
/** Below this, a compressed copy saves less than the header it costs. */
const SMALLEST = 1024;

function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

export function precompress(folder: string) {
  let files = 0;
  let before = 0;
  let brotli = 0;
  for (const file of filesUnder(folder).filter((f) => COMPRESSIBLE.test(f))) {
    const bytes = fs.readFileSync(file);
    if (bytes.length < SMALLEST) continue;
    const br = zlib.brotliCompressSync(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    fs.writeFileSync(`${file}.br`, br);
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: zlib.constants.Z_BEST_COMPRESSION }));
    files += 1;
    before += bytes.length;
    brotli += br.length;
  }
  return { files, before, brotli };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "")) {
  const folder = process.argv[2] ?? "public/build";
  const { files, before, brotli } = precompress(folder);
  console.log(`Precompressed ${files} files in ${folder}: ${before} bytes, ${brotli} with Brotli.`);
}
