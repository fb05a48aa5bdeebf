import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { ModuleFields } from "~/components/module-fields";
import { AddCollaboratorForm } from "~/components/workshop/add-collaborator-form";
import { ArchiveCard } from "~/components/workshop/archive-card";
import { CollaboratorList } from "~/components/workshop/collaborator-list";
import { ModuleFacts } from "~/components/workshop/module-facts";
import { ReuseCard } from "~/components/workshop/reuse-card";
import { SuggestionsOnlyCard } from "~/components/workshop/suggestions-only-card";
import { requireContext } from "~/lib/auth.server";
import { reuse, workshop } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { dispatch, intent } from "~/lib/intents.server";

type Ctx = Awaited<ReturnType<typeof requireContext>>;
type Role = Parameters<typeof workshop.setCollaborator>[3];

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    return {
      ...workshop.modulePeople(ctx, paramId(params, "moduleId")),
      reuse: reuse.templateStanding(ctx, paramId(params, "moduleId")),
      topics: workshop.MODULE_TOPICS.map((t) => ({ value: t, label: workshop.TOPIC_LABELS[t] })),
    };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const moduleId = paramId(params, "moduleId");
    const done = () => redirect(`/workshop/${moduleId}/people`);
    // A change of role or a removal reaches the person's open editor by itself: the use case tells it.
    const setRole = (ctx: Ctx, input: { userId: string; role: Role }) => {
      workshop.setCollaborator(ctx, moduleId, input.userId, input.role);
      return done();
    };
    return dispatch(request, ctx, {
      details: intent({
        schema: workshop.moduleDetailsSchema,
        run: (ctx, input) => {
          workshop.updateModuleDetails(ctx, moduleId, input);
          return done();
        },
      }),
      add: intent({ schema: workshop.collaboratorSchema, run: setRole }),
      role: intent({ schema: workshop.collaboratorSchema, run: setRole }),
      remove: intent({
        schema: workshop.collaboratorSchema.pick({ userId: true }),
        run: (ctx, input) => {
          workshop.removeCollaborator(ctx, moduleId, input.userId);
          return done();
        },
      }),
      changes: intent({
        schema: workshop.suggestionsOnlySchema,
        run: (ctx, input) => {
          workshop.setSuggestionsOnly(ctx, moduleId, input.changes === "suggestions");
          return done();
        },
      }),
      archive: intent({
        run: (ctx) => {
          workshop.setArchived(ctx, moduleId, true);
          return done();
        },
      }),
      unarchive: intent({
        run: (ctx) => {
          workshop.setArchived(ctx, moduleId, false);
          return done();
        },
      }),
      duplicate: intent({
        run: (ctx) => redirect(`/workshop/${reuse.duplicateModule(ctx, moduleId).id}?duplicated=1`),
      }),
      template: intent({
        schema: reuse.templateSchema,
        run: (ctx, input) => {
          reuse.setTemplate(ctx, moduleId, input.template);
          return done();
        },
      }),
    });
  });

export default function People() {
  const { module, facts, collaborators, candidates, me, canFacilitate, topics, reuse } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const stateFor = (...intents: string[]) => (state && intents.includes(state.intent ?? "") ? state : undefined);
  return (
    <div className="two-columns">
      <div>
        <section className="card" aria-labelledby="collaborators-title">
          <h2 id="collaborators-title">Collaborators</h2>
          <CollaboratorList
            collaborators={collaborators}
            me={me}
            canFacilitate={canFacilitate}
            state={stateFor("role", "remove")}
          />
          {canFacilitate ? <AddCollaboratorForm candidates={candidates} state={stateFor("add")} /> : null}
        </section>
      </div>
      <div>
        <ModuleFacts facts={facts} />
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
            <SuggestionsOnlyCard suggestionsOnly={module.suggestionsOnly} state={stateFor("changes")} />
            <ArchiveCard archived={module.archived} />
          </>
        ) : null}
        <ReuseCard moduleId={module.id} standing={reuse} />
      </div>
    </div>
  );
}
