import type { ActionFunctionArgs } from "@remix-run/node";
import { requireContext } from "~/lib/auth.server";
import { images } from "~/lib/domain.server";
import { readForm } from "~/lib/forms.server";
import { paramId, resource } from "~/lib/http.server";

/**
 * The editor's image upload: the file in, the stored image's id and size out (JSON), or the reason
 * it was refused in one sentence (400). Only the module's authors get this far (the use case asks).
 */
export const action = ({ request, context, params }: ActionFunctionArgs) =>
  resource({ request, context }, async () => {
    const ctx = await requireContext(request, context);
    const moduleId = paramId(params, "moduleId");
    const form = await readForm(request);
    const parsed = images.imageUploadSchema.safeParse({ file: form.get("file") });
    if (!parsed.success) {
      return Response.json({ ok: false, message: parsed.error.issues[0]?.message ?? "" }, { status: 400 });
    }
    const { file } = parsed.data;
    const result = await images.uploadImage(ctx, moduleId, {
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return Response.json(result, { status: result.ok ? 200 : 400 });
  });
