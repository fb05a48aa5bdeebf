import type { Context } from "../../auth/context";
import { KINDS, type Kind, type OrgWorld } from "./world";

/**
 * One row of the authorization table: who may call an entry point on their own organisation's
 * objects, and how to call it on an organisation's objects (the test calls it on their own and on
 * the other organisation's, as each of the nine kinds of person).
 */
export type Case = {
  allowed: readonly Kind[];
  run: (ctx: Context, on: OrgWorld) => unknown;
  /**
   * The entry point takes no id: it acts on the caller's own things (their journal, their start
   * page), so there is nothing of another organisation to name and only the roles are tried.
   */
  ownOnly?: true;
  /**
   * The entry point is reached by a secret link (an invitation's token), not by an id of the
   * caller's organisation: holding the link is what lets anyone in, so the other organisation's link
   * works for the allowed kinds just as their own does.
   */
  byToken?: true;
};

type Functions<Api> = { [K in keyof Api as Api[K] extends (...args: never[]) => unknown ? K : never]: Api[K] };

/** A row for every function a feature's index exports: a new entry point without one does not compile. */
export type CasesFor<Api> = { [K in keyof Functions<Api>]: Case };

/** Every kind of person the table tries: an entry point open to anyone signed in to the organisation. */
export const EVERYONE = KINDS;

/**
 * Who reads a module of their organisation: everyone on it, and the panel and safeguarding reviewers,
 * whose roles reach every module (to sign off) without a place on any, and who never edit one.
 */
export const MODULE_READERS = ["facilitator", "co_designer", "reviewer", "panel", "safeguarding"] as const;
