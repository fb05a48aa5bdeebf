/**
 * Run by e2e/support/database.ts with `node --import tsx`: a course open to every learner of the demo
 * organisation, whose one module invites a self-care plan, published by the facilitator and put in the
 * course by the trainer through the app's own functions. Prints the module and course ids.
 */
import { openDatabase } from "../../../db/client";
import { contextFor } from "../../../modules/auth/context";
import { addCourseModule, createCourse, publishCourse } from "../../../modules/courses/service";
import { doc, p, text } from "../../../modules/testing/documents";
import { publishedModule } from "../../../modules/testing/published-module";
import { actorByEmail } from "./actor-by-email";

type Options = { databasePath: string; facilitatorEmail: string; trainerEmail: string; title: string; intro: string };
const options = JSON.parse(process.argv[2] ?? "{}") as Options;

const db = openDatabase(options.databasePath, { migrate: false });
try {
  const actorOf = (email: string) => actorByEmail(db, email);
  const facilitator = actorOf(options.facilitatorEmail);
  const trainer = contextFor(db, actorOf(options.trainerEmail));
  const module = publishedModule(db, {
    orgId: facilitator.orgId,
    by: facilitator.userId,
    title: "Looking after yourself",
    summary: "Your self-care plan.",
    doc: doc(
      { type: "heading", attrs: { level: 2 }, content: [text("Your self-care plan")] },
      p(text("A few notes to yourself, for the harder days.")),
      { type: "selfCarePlan", content: [text(options.intro)] },
    ),
  });
  const course = createCourse(trainer, { title: options.title, description: "", openToAll: true });
  addCourseModule(trainer, course.id, module.moduleId);
  publishCourse(trainer, course.id, "First version.");
  process.stdout.write(JSON.stringify({ moduleId: module.moduleId, courseId: course.id }));
} finally {
  db.$client.close();
}
