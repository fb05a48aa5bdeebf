import { z } from "zod";
import { IMAGE_VARIANTS } from "../documents/blocks/image";

/** The file field of an image upload: the pipeline judges what it holds. */
export const imageUploadSchema = z.object({
  file: z.instanceof(File, { message: "Choose a picture file (PNG, JPEG, WebP or GIF) to upload." }),
});

export const imageVariantSchema = z
  .enum(IMAGE_VARIANTS as [string, ...string[]])
  .transform((v) => v as "full" | "phone");
