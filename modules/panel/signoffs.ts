import { and, desc, eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { panelSignoffs, type RubricAnswer, users } from "../../db/schema";
import { recordAudit } from "../audit/service";
import { type Context, inTransaction } from "../auth/context";
import { can, type Permission } from "../auth/policy";
import type { LiveDocuments } from "../collaboration/server";
import { currentRevision } from "../review/service";
import { ForbiddenError, InvalidError } from "../shared/errors";
import { newId } from "../shared/ids";
import { loadModule } from "../workshop/module-access";
import type { PanelKind, RubricAnswerValue } from "./schemas";
import { isPanelRequired, orgRubric } from "./settings";

export type PanelState = "signed_off" | "stale" | "changes_requested" | "waiting";

const KINDS: readonly PanelKind[] = ["panel", "safeguarding"];

/** Who each kind of sign-off is asked of, as a sentence reads it. */
export const WHO: Record<PanelKind, string> = {
  panel: "the lived-experience panel",
  safeguarding: "a safeguarding reviewer",
};

const MAY_SIGN: Record<PanelKind, Permission> = {
  panel: "module.sign_off_as_panel",
  safeguarding: "module.sign_off_as_safeguarding",
};

const NOT_THEIRS: Record<PanelKind, string> = {
  panel: "Only members of the lived-experience panel sign off for the panel.",
  safeguarding: "Only safeguarding reviewers sign off for safeguarding.",
};

/** The latest word of each kind, judged against the current revision: one sign-off of each kind is enough. */
function latestOfEachKind(db: DB, moduleId: string) {
  const revision = currentRevision(db, moduleId);
  const kinds = Object.fromEntries(
    KINDS.map((kind) => {
      const row = db
        .select({
          revision: panelSignoffs.revision,
          decision: panelSignoffs.decision,
          answers: panelSignoffs.answers,
          createdAt: panelSignoffs.createdAt,
          name: users.name,
        })
        .from(panelSignoffs)
        .innerJoin(users, eq(users.id, panelSignoffs.userId))
        .where(and(eq(panelSignoffs.moduleId, moduleId), eq(panelSignoffs.kind, kind)))
        .orderBy(desc(panelSignoffs.createdAt))
        .limit(1)
        .get();
      const state: PanelState = !row
        ? "waiting"
        : row.decision === "changes_requested"
          ? "changes_requested"
          : row.revision === revision
            ? "signed_off"
            : "stale";
      return [
        kind,
        {
          state,
          name: row?.name ?? null,
          revision: row?.revision ?? null,
          at: row?.createdAt ?? null,
          answers: row?.answers ?? null,
        },
      ];
    }),
  ) as Record<
    PanelKind,
    { state: PanelState; name: string | null; revision: number | null; at: Date | null; answers: RubricAnswer[] | null }
  >;
  return { revision, kinds };
}

/** Who publishing still waits for, in words: empty when the organisation does not ask for them or both are in. */
function waitingFor(db: DB, orgId: string, moduleId: string) {
  const { revision, kinds } = latestOfEachKind(db, moduleId);
  const missing = isPanelRequired(db, orgId) ? KINDS.filter((k) => kinds[k].state !== "signed_off") : [];
  return { revision, kinds, missing: missing.map((k) => WHO[k]) };
}

/**
 * Why publishing must wait, or null. Publishing asks it inside its transaction, so a forged publish
 * is refused with the same words the Review page shows.
 */
export function panelGate(db: DB, orgId: string, moduleId: string): string | null {
  const { revision, missing } = waitingFor(db, orgId, moduleId);
  return gateMessage(revision, missing);
}

function gateMessage(revision: number, missing: string[]): string | null {
  if (missing.length === 0) return null;
  return `Publishing waits for sign-off of revision ${revision} from ${missing.join(" and from ")}.`;
}

/**
 * The panel's part of the Review page: whether the organisation asks for it, where each sign-off
 * stands, the rubric for those who answer it, and the answers and notes for the people who write the
 * module (its facilitators and co-designers) and those who give them.
 */
export async function panelReview(ctx: Context, documents: LiveDocuments, moduleId: string) {
  const { module, role, access } = loadModule(ctx, moduleId);
  await documents.settle(moduleId);
  const { revision, kinds, missing } = waitingFor(ctx.db, module.orgId, moduleId);
  const signsAs = KINDS.filter((k) => can(ctx.actor, MAY_SIGN[k]));
  const seesAnswers = access.facilitate || role === "facilitator" || role === "co_designer" || signsAs.length > 0;
  return {
    required: isPanelRequired(ctx.db, module.orgId),
    status: module.status,
    revision,
    kinds: Object.fromEntries(
      KINDS.map((k) => [k, { ...kinds[k], answers: seesAnswers ? kinds[k].answers : null }]),
    ) as typeof kinds,
    blockedBy: missing,
    /** What publishing is refused with, in the same words, while a sign-off is missing or stale. */
    gate: gateMessage(revision, missing),
    signsAs,
    rubric: signsAs.length > 0 ? orgRubric(ctx.db, module.orgId) : [],
  };
}

type Input = {
  kind: PanelKind;
  revision: number;
  answers: Record<string, RubricAnswerValue | undefined>;
  notes: Record<string, string>;
};

/** The module must be of the person's organisation (else not found), they must hold the role, and it must be in review. */
function loadForPanel(ctx: Context, moduleId: string, kind: PanelKind) {
  const { module } = loadModule(ctx, moduleId);
  if (!can(ctx.actor, MAY_SIGN[kind])) throw new ForbiddenError(NOT_THEIRS[kind]);
  if (module.status !== "in_review") {
    throw new InvalidError("This module is not in review yet. A facilitator starts the review.", "form");
  }
  return module;
}

function requireCurrent(db: DB, moduleId: string, revision: number) {
  const current = currentRevision(db, moduleId);
  if (revision !== current) {
    throw new InvalidError(
      `The module has changed since you opened this page (you saw revision ${revision}; it is now revision ${current}). Read the latest version, then answer again.`,
      "form",
    );
  }
  return current;
}

function record(
  ctx: Context,
  moduleId: string,
  input: Input,
  decide: (answers: RubricAnswer[]) => "signed_off" | "changes_requested",
) {
  inTransaction(ctx, (tx) => {
    const module = loadForPanel(tx, moduleId, input.kind);
    const revision = requireCurrent(tx.db, moduleId, input.revision);
    const answers = orgRubric(tx.db, module.orgId).map((item) => ({
      id: item.id,
      question: item.question,
      answer: input.answers[item.id] ?? null,
      note: input.notes[item.id] ?? "",
    }));
    const decision = decide(answers as RubricAnswer[]);
    tx.db
      .insert(panelSignoffs)
      .values({
        id: newId(),
        moduleId,
        userId: tx.actor.userId,
        kind: input.kind,
        revision,
        decision,
        answers: answers as RubricAnswer[],
        createdAt: tx.now,
      })
      .run();
    if (decision === "signed_off") {
      recordAudit(
        tx.db,
        {
          orgId: tx.actor.orgId,
          actorUserId: tx.actor.userId,
          action: "module.panel_signed_off",
          targetType: "module",
          targetId: moduleId,
          detail: { revision, kind: input.kind },
        },
        tx.now,
      );
    }
    tx.events.emit({ type: "review.changed", moduleId });
  });
}

/**
 * Signs the current revision off for the panel or for safeguarding: every question of the
 * organisation's rubric answered, none of them Not yet. The answers and notes are kept with the
 * question as worded now.
 */
export async function signOffAsPanel(ctx: Context, documents: LiveDocuments, moduleId: string, input: Input) {
  loadForPanel(ctx, moduleId, input.kind);
  await documents.settle(moduleId);
  record(ctx, moduleId, input, (answers) => {
    const unanswered = answers.find((a) => !a.answer);
    if (unanswered) {
      throw new InvalidError(
        `Answer “${unanswered.question}” before you sign off: choose Yes, Not yet or Not applicable.`,
        `answer-${unanswered.id}`,
      );
    }
    const notYet = answers.find((a) => a.answer === "not_yet");
    if (notYet) {
      throw new InvalidError(
        `You answered Not yet to “${notYet.question}”. Ask for changes instead, or change that answer.`,
        `answer-${notYet.id}`,
      );
    }
    return "signed_off";
  });
}

/** Asks for changes for the panel or for safeguarding: at least one Not yet or a note says what to change. */
export async function requestPanelChanges(ctx: Context, documents: LiveDocuments, moduleId: string, input: Input) {
  loadForPanel(ctx, moduleId, input.kind);
  await documents.settle(moduleId);
  record(ctx, moduleId, input, (answers) => {
    if (!answers.some((a) => a.answer === "not_yet" || a.note)) {
      throw new InvalidError(
        "Answer Not yet to at least one question, or add a note, so the people writing the module know what to change.",
        "form",
      );
    }
    return "changes_requested";
  });
}
