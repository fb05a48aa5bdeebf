import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ArchiveCourse } from "~/components/courses/archive-course";
import { CourseDetails } from "~/components/courses/course-details";
import { CourseExports } from "~/components/courses/course-exports";
import { CourseModules } from "~/components/courses/course-modules";
import { PublishCourse } from "~/components/courses/publish-course";
import { ErrorSummary } from "~/components/form";
import { Notice, PageHeader } from "~/components/layout";
import { requireContext } from "~/lib/auth.server";
import { courses, packages } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.course.title ?? "Course"} · Alongside` },
];

type Ctx = Awaited<ReturnType<typeof requireContext>>;

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const courseId = paramId(params, "courseId");
    return { ...courses.coursePage(ctx, courseId), exports: packages.exportChoices(ctx, courseId) };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const courseId = paramId(params, "courseId");
    const here = `/courses/${courseId}`;
    // The intents that change one module of the course all name it the same way.
    const module = (change: (ctx: Ctx, moduleId: string) => void) =>
      intent({
        schema: courses.courseModuleSchema,
        run: (ctx: Ctx, input) => {
          change(ctx, input.moduleId);
          return redirect(here);
        },
      });
    return dispatch(request, ctx, {
      details: intent({
        schema: courses.courseDetailsSchema,
        run: (ctx, input) => {
          courses.updateCourse(ctx, courseId, input);
          return redirect(here);
        },
      }),
      publish: intent({
        schema: courses.publishCourseSchema,
        run: (ctx, input) => {
          const published = courses.publishCourse(ctx, courseId, input.changelog);
          return redirect(`${here}?published=${published.version}`);
        },
      }),
      archive: intent({
        run: (ctx) => {
          courses.setCourseArchived(ctx, courseId, true);
          return redirect(here);
        },
      }),
      unarchive: intent({
        run: (ctx) => {
          courses.setCourseArchived(ctx, courseId, false);
          return redirect(here);
        },
      }),
      add: module((ctx, moduleId) => courses.addCourseModule(ctx, courseId, moduleId)),
      remove: module((ctx, moduleId) => courses.removeCourseModule(ctx, courseId, moduleId)),
      up: module((ctx, moduleId) => courses.moveCourseModule(ctx, courseId, moduleId, "up")),
      down: module((ctx, moduleId) => courses.moveCourseModule(ctx, courseId, moduleId, "down")),
      update: module((ctx, moduleId) => courses.updateCourseModule(ctx, courseId, moduleId)),
    });
  });

export default function Course() {
  const { course, items, available, versions, exports } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  const stateFor = (...intents: (string | undefined)[]) =>
    state && intents.includes(state.intent) ? state : undefined;
  const minutes = items.reduce((sum, i) => sum + i.estimatedMinutes, 0);
  return (
    <>
      <p>
        <Link to="/courses">Back to courses</Link>
      </p>
      <PageHeader
        title={course.title}
        lead={`${items.length} ${items.length === 1 ? "module" : "modules"} · about ${minutes} minutes`}
        actions={
          versions.length > 0 ? (
            <Link to={`/learn/courses/${course.id}`} className="button button-secondary" reloadDocument>
              See what learners see
            </Link>
          ) : null
        }
      />
      {params.get("published") ? (
        <Notice tone="success">
          Published as version {params.get("published")}. Learners who started an earlier version keep it until they
          finish.
        </Notice>
      ) : null}
      <ErrorSummary state={stateFor("add", "remove", "up", "down", "update", "archive", "unarchive", undefined)} />
      <div className="two-columns">
        <div>
          <CourseModules items={items} available={available} />
          <PublishCourse versions={versions} state={stateFor("publish")} />
        </div>
        <div>
          <CourseDetails course={course} state={stateFor("details")} />
          <CourseExports courseId={course.id} choices={exports} />
          <ArchiveCourse course={course} />
        </div>
      </div>
    </>
  );
}
