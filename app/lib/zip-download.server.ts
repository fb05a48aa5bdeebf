/** A zip built whole, sent with its length: the browser gets all of it or knows the download failed. */
export function zipDownload(file: { fileName: string; bytes: Uint8Array }): Response {
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Content-Length": String(file.bytes.byteLength),
      "Cache-Control": "no-store",
    },
  });
}
