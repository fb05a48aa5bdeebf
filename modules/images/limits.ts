/** The largest file an upload may be: a good phone photo is 2 to 4 MB. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/**
 * The most pixels an image may have, checked from its header before it is decoded: 40 megapixels is
 * more than any phone camera takes, and stops a small file that would unpack to gigabytes.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** The copy wider screens load; the reading column is never wider than this at 2x. */
export const FULL_WIDTH = 1600;
