import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EmptyState, PageHeader } from "~/components/layout";
import { requireAllowed } from "~/lib/auth.server";

export const meta: MetaFunction = () => [{ title: "Courses · Alongside" }];

export const loader = async ({ request, context }: LoaderFunctionArgs) => {
  await requireAllowed(request, context, "course.manage");
  return null;
};

export default function CoursesHome() {
  return (
    <>
      <PageHeader title="Courses" />
      <EmptyState title="Nothing here yet">
        <p>Courses built from published modules will appear here.</p>
      </EmptyState>
    </>
  );
}
