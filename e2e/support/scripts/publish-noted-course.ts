/**
 * Run by e2e/support/database.ts with `node --import tsx`: a published course in the demo
 * organisation whose one module has a content note on every section (each with a knowledge check),
 * published by the facilitator and put in the course by the trainer through the app's own functions.
 * Prints the course id.
 */
import { openDatabase } from "../../../db/client";
import { contextFor } from "../../../modules/auth/context";
import { addCourseModule, createCourse, publishCourse } from "../../../modules/courses/service";
import { doc, option, p, part, text } from "../../../modules/testing/documents";
import { publishedModule } from "../../../modules/testing/published-module";
import { actorByEmail } from "./actor-by-email";

type Options = { databasePath: string; facilitatorEmail: string; trainerEmail: string; title: string };
const options = JSON.parse(process.argv[2] ?? "{}") as Options;

const heading = (title: string) => ({ type: "heading", attrs: { level: 2 }, content: [text(title)] });
const noted = (n: number, title: string, topic: string) => [
  heading(title),
  {
    type: "contentNote",
    attrs: { topics: [topic], customTopic: "" },
    content: [text(`This section is about ${topic}.`)],
  },
  p(text(`Section ${n} talks about something hard.`)),
  {
    type: "knowledgeCheck",
    attrs: { id: `noted-${n}`, multiple: false },
    content: [
      part("checkQuestion", text("Who can you talk to afterwards?")),
      option(`noted-${n}-right`, true, "My supervisor", [text("Yes.")]),
      option(`noted-${n}-wrong`, false, "Nobody", [text("There is always someone.")]),
    ],
  },
];

const db = openDatabase(options.databasePath, { migrate: false });
try {
  const actorOf = (email: string) => actorByEmail(db, email);
  const facilitator = actorOf(options.facilitatorEmail);
  const trainer = contextFor(db, actorOf(options.trainerEmail));
  const module = publishedModule(db, {
    orgId: facilitator.orgId,
    by: facilitator.userId,
    title: "Hard conversations",
    summary: "Two sections that each begin with a content note.",
    doc: doc(...noted(1, "When someone talks about self-harm", "self_harm"), ...noted(2, "After a death", "suicide")),
  });
  const course = createCourse(trainer, { title: options.title, description: "", openToAll: false });
  addCourseModule(trainer, course.id, module.moduleId);
  publishCourse(trainer, course.id, "First version.");
  process.stdout.write(course.id);
} finally {
  db.$client.close();
}
