import type { Context } from "../auth/context";
import { supervisionMarkdown } from "./markdown";
import { copyOf, supervisionPage } from "./pages";

/** The learner's own page as a Markdown file to keep or take along. */
export function supervisionPageMarkdown(ctx: Context, pageId: string): string {
  return supervisionMarkdown(copyOf(supervisionPage(ctx, pageId)));
}
