import { randomBytes } from "node:crypto";

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let used = 0;

/**
 * Random bytes from the operating system's CSPRNG, fetched a few kilobytes at a time. Every page's
 * nonce and every new id asks for 16 bytes, and asking the OS each time cost more than the rest of
 * making them. Each byte is handed out once: a spent pool is replaced, never written over.
 */
export function secureRandomBytes(size: number): Buffer {
  if (size > POOL_BYTES) return randomBytes(size);
  if (used + size > pool.length) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  const bytes = pool.subarray(used, used + size);
  used += size;
  return bytes;
}
