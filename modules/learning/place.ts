import type { Context } from "../auth/context";
import { requirePermission } from "../auth/policy";
import { NotFoundError } from "../shared/errors";
import { type CourseModule, type CourseVersion, courseModules, type Enrolment, ownEnrolment } from "./service";

/** A section of a course, as the course's path through its modules addresses it. */
export type Place = { moduleVersionId: string; section: number };

/** One section of one of the learner's own courses, every id of its address checked. */
export type LearnerPlace = {
  enrolment: Enrolment;
  version: CourseVersion;
  module: CourseModule;
  section: CourseModule["sections"][number];
};

/**
 * Resolves a learner address (`/learn/e/<enrolment>/m/<module version>/s/<section>`), each id against
 * the one before it: the enrolment must be the actor's own in their organisation, the module version
 * one of that enrolment's course version, of the same organisation, and the section one of its
 * sections. Any id that does not fit answers "not found", so no mix of ids reaches a write.
 */
export function learnerPlace(
  ctx: Context,
  address: { enrolmentId: string; moduleVersionId: string; section: number },
): LearnerPlace {
  requirePermission(ctx.actor, "learning.take");
  const { enrolment, version } = ownEnrolment(ctx.db, ctx.actor, address.enrolmentId);
  const item = version.items.find((i) => i.moduleVersionId === address.moduleVersionId);
  const module = item ? courseModules(ctx.db, [item])[0] : undefined;
  if (!module || module.orgId !== enrolment.orgId) throw new NotFoundError("That part of the course");
  const section = module.sections.find((s) => s.index === address.section);
  if (!section) throw new NotFoundError("That section");
  return { enrolment, version, module, section };
}
