import { Form } from "@remix-run/react";

/** Archiving a course, or bringing it back: nothing is deleted. */
export function ArchiveCourse({ course }: { course: { status: string } }) {
  return (
    <section className="card" aria-labelledby="archive-course">
      <h2 id="archive-course">{course.status === "archived" ? "Archived" : "Archive"}</h2>
      <p>Archiving hides the course from learners who have not started it. Nothing is deleted.</p>
      <Form method="post">
        <button
          type="submit"
          name="intent"
          value={course.status === "archived" ? "unarchive" : "archive"}
          className="button-secondary"
        >
          {course.status === "archived" ? "Bring back from the archive" : "Archive this course"}
        </button>
      </Form>
    </section>
  );
}
