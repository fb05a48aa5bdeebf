/** What routes may ask of images: upload one into a module, and read a copy of one. */
export { PHONE_WIDTH } from "../documents/blocks/image";
export { FULL_WIDTH, MAX_IMAGE_BYTES } from "./limits";
export { imageUploadSchema, imageVariantSchema } from "./schemas";
export { imageCopy, uploadImage } from "./service";
