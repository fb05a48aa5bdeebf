import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireContext } from "~/lib/auth.server";
import { images } from "~/lib/domain.server";
import { notFound, paramId, resource } from "~/lib/http.server";

/**
 * One copy of an image, for anyone in the organisation that owns it. An image's bytes never change
 * (a new upload is a new id), so the browser keeps it for a year and never asks again; private, as
 * only the organisation's people may see it.
 */
export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  resource({ request, context }, async () => {
    const ctx = await requireContext(request, context);
    const variant = images.imageVariantSchema.safeParse(params.variant);
    if (!variant.success) notFound();
    const copy = await images.imageCopy(ctx, paramId(params, "imageId"), variant.data);
    return new Response(new Uint8Array(copy.bytes), {
      headers: {
        "Content-Type": copy.mime,
        "Content-Length": String(copy.bytes.byteLength),
        "Cache-Control": "private, max-age=31536000, immutable",
      },
    });
  });
