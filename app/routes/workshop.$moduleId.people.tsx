import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, fieldValue } from "~/components/form";
import { formatDateTime } from "~/components/layout";
import { ModuleFields } from "~/components/module-fields";
import { requireActor } from "~/lib/auth.server";
import { invalid, invalidFromError, parseForm, readForm } from "~/lib/forms.server";
import { handled, paramId } from "~/lib/http.server";
import { listMembers } from "~/lib/organisations.server";
import {
  collaboratorSchema,
  listCollaborators,
  MODULE_TOPICS,
  moduleDetailsSchema,
  moduleFactsOf,
  openModule,
  removeCollaborator,
  requireFacilitation,
  setArchived,
  setCollaborator,
  TOPIC_LABELS,
  updateModuleDetails,
} from "~/lib/workshop.server";

const ROLE_NAMES = { facilitator: "Facilitator", co_designer: "Co-designer", reviewer: "Reviewer" } as const;

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const actor = await requireActor(request, context);
    const moduleId = paramId(params, "moduleId");
    const { db } = context.runtime;
    const { module, access } = openModule(db, actor, moduleId);
    const collaborators = listCollaborators(db, moduleId);
    const onModule = new Set(collaborators.map((c) => c.userId));
    return {
      module: {
        id: module.id,
        title: module.title,
        topic: module.topic,
        customTopic: module.customTopic,
        summary: module.summary,
        estimatedMinutes: module.estimatedMinutes,
        archived: module.status === "archived",
      },
      facts: moduleFactsOf(db, moduleId),
      collaborators: collaborators.map((c) => ({ userId: c.userId, name: c.name, role: c.role, addedAt: c.addedAt })),
      candidates: access.facilitate
        ? listMembers(db, actor.orgId)
            .filter((m) => !onModule.has(m.userId))
            .map((m) => ({ userId: m.userId, name: m.name }))
        : [],
      me: actor.userId,
      canFacilitate: access.facilitate,
      topics: MODULE_TOPICS.map((t) => ({ value: t, label: TOPIC_LABELS[t] })),
    };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const actor = await requireActor(request, context);
    const moduleId = paramId(params, "moduleId");
    const { db, collab } = context.runtime;
    requireFacilitation(db, actor, moduleId);
    const form = await readForm(request);
    const intent = String(form.get("intent") ?? "");
    try {
      if (intent === "details") {
        const parsed = parseForm(form, moduleDetailsSchema);
        if (!parsed.ok) return invalid(parsed);
        updateModuleDetails(db, actor, moduleId, parsed.data);
      } else if (intent === "add" || intent === "role") {
        const parsed = parseForm(form, collaboratorSchema);
        if (!parsed.ok) return invalid(parsed);
        setCollaborator(db, actor, moduleId, parsed.data.userId, parsed.data.role);
        // Their open editor reconnects, so a change to reviewer takes effect at once.
        if (intent === "role") collab.recheck({ moduleId, userId: parsed.data.userId });
      } else if (intent === "remove") {
        const parsed = parseForm(form, collaboratorSchema.pick({ userId: true }));
        if (!parsed.ok) return invalid(parsed);
        removeCollaborator(db, actor, moduleId, parsed.data.userId);
        collab.recheck({ moduleId, userId: parsed.data.userId });
      } else if (intent === "archive" || intent === "unarchive") {
        setArchived(db, actor, moduleId, intent === "archive");
        collab.recheck({ moduleId });
      } else {
        return invalid({ errors: { form: "Choose what to change." }, values: {} });
      }
    } catch (error) {
      return invalidFromError(error, form);
    }
    return redirect(`/workshop/${moduleId}/people`);
  });

export default function People() {
  const { module, facts, collaborators, candidates, me, canFacilitate, topics } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const stateFor = (...intents: string[]) => (state && intents.includes(state.intent ?? "") ? state : undefined);
  return (
    <div className="two-columns">
      <div>
        <section className="card" aria-labelledby="collaborators-title">
          <h2 id="collaborators-title">Collaborators</h2>
          <ErrorSummary state={stateFor("role", "remove")} />
          <ul className="plain-list collaborator-list">
            {collaborators.map((c) => (
              <li key={c.userId}>
                <strong>{c.name}</strong>
                {c.userId === me ? <span className="muted"> (you)</span> : null} · {ROLE_NAMES[c.role]}
                <span className="muted"> · since {formatDateTime(c.addedAt)}</span>
                {canFacilitate ? (
                  <div className="actions">
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="userId" value={c.userId} />
                      <label className="visually-hidden" htmlFor={`role-${c.userId}`}>
                        Role for {c.name}
                      </label>
                      <select id={`role-${c.userId}`} name="role" defaultValue={c.role}>
                        {Object.entries(ROLE_NAMES).map(([value, label]) => (
                          <option key={value} value={value}>
                            {label}
                          </option>
                        ))}
                      </select>{" "}
                      <button type="submit" name="intent" value="role" className="button-quiet">
                        Change role<span className="visually-hidden"> for {c.name}</span>
                      </button>
                    </Form>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="userId" value={c.userId} />
                      <button type="submit" name="intent" value="remove" className="button-quiet">
                        Remove<span className="visually-hidden"> {c.name} from this module</span>
                      </button>
                    </Form>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
          {canFacilitate ? (
            candidates.length > 0 ? (
              <Form method="post" className="stack" noValidate aria-labelledby="add-title">
                <h3 id="add-title">Invite someone from your organisation</h3>
                <ErrorSummary state={stateFor("add")} />
                <div className="field">
                  <label htmlFor="add-person">Person</label>
                  <select id="add-person" name="userId" defaultValue={fieldValue(stateFor("add"), "userId")}>
                    {candidates.map((c) => (
                      <option key={c.userId} value={c.userId}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </div>
                <fieldset>
                  <legend>As</legend>
                  <div className="radio">
                    <input type="radio" id="add-co" name="role" value="co_designer" defaultChecked />
                    <label htmlFor="add-co">Co-designer: writes, edits and comments</label>
                  </div>
                  <div className="radio">
                    <input type="radio" id="add-reviewer" name="role" value="reviewer" />
                    <label htmlFor="add-reviewer">Reviewer: reads and comments, no editing</label>
                  </div>
                  <div className="radio">
                    <input type="radio" id="add-facilitator" name="role" value="facilitator" />
                    <label htmlFor="add-facilitator">Facilitator: runs the co-design of this module</label>
                  </div>
                </fieldset>
                <div className="actions">
                  <button type="submit" name="intent" value="add">
                    Add to this module
                  </button>
                </div>
              </Form>
            ) : (
              <p className="muted">Everyone in your organisation is already on this module.</p>
            )
          ) : null}
        </section>
      </div>
      <div>
        <section className="card" aria-labelledby="facts-title">
          <h2 id="facts-title">At a glance</h2>
          <dl className="facts">
            <dt>Sections</dt>
            <dd>{facts?.sectionCount ?? 0}</dd>
            <dt>Words</dt>
            <dd>{facts?.wordCount ?? 0}</dd>
            <dt>Training blocks</dt>
            <dd>
              {Object.entries(facts?.blockCounts ?? {})
                .map(([type, n]) => `${n} ${type.replace(/([A-Z])/g, " $1").toLowerCase()}`)
                .join(", ") || "None yet"}
            </dd>
            <dt>Last edited</dt>
            <dd>
              {facts?.lastEditedAt
                ? `${formatDateTime(facts.lastEditedAt)}${facts.lastEditedBy ? ` by ${facts.lastEditedBy}` : ""}`
                : "Not yet"}
            </dd>
          </dl>
        </section>
        {canFacilitate ? (
          <>
            <section className="card" aria-labelledby="details-title">
              <h2 id="details-title">Details</h2>
              <Form method="post" className="stack" noValidate>
                <ErrorSummary state={stateFor("details")} />
                <ModuleFields state={stateFor("details")} topics={topics} module={module} />
                <div className="actions">
                  <button type="submit" name="intent" value="details">
                    Save details
                  </button>
                </div>
              </Form>
            </section>
            <section className="card" aria-labelledby="archive-title">
              <h2 id="archive-title">{module.archived ? "Archived" : "Archive"}</h2>
              <p>
                {module.archived
                  ? "This module is archived: it is read-only and hidden from the usual lists. Nothing was deleted."
                  : "Archiving makes the module read-only and hides it from the usual lists. Nothing is deleted, and you can bring it back."}
              </p>
              <Form method="post">
                <button
                  type="submit"
                  name="intent"
                  value={module.archived ? "unarchive" : "archive"}
                  className="button-secondary"
                >
                  {module.archived ? "Bring back from the archive" : "Archive this module"}
                </button>
              </Form>
            </section>
          </>
        ) : null}
      </div>
    </div>
  );
}
