import { Form } from "@remix-run/react";
import { Field, type FormState } from "../form";

type Publication = { version: number; draftChanged: boolean };

/** A facilitator publishes the agreed revision as the next version, or withdraws the module from new courses. */
export function PublishCard({
  status,
  publication,
  review,
  openSuggestions,
  panelGate,
  nextVersion,
  firstVersion,
  state,
}: {
  status: string;
  publication: Publication | null;
  review: { revision: number; ready: boolean };
  /** Publishing waits for every suggestion to be accepted or rejected. */
  openSuggestions: number;
  /** What the organisation's panel and safeguarding sign-off still waits for, if anything. */
  panelGate: string | null;
  nextVersion: number;
  firstVersion: boolean;
  state: FormState;
}) {
  const nothingNew = status === "published" && publication !== null && !publication.draftChanged;
  return (
    <section className="card" aria-labelledby="publish-title">
      <h2 id="publish-title">Publish</h2>
      {status === "in_review" ? (
        <>
          <p>
            {openSuggestions > 0
              ? `Publishing waits for the ${openSuggestions === 1 ? "open suggestion" : `${openSuggestions} open suggestions`} to be accepted or rejected in the editor.`
              : review.ready && panelGate
                ? panelGate
                : review.ready
                  ? `Everyone has signed off revision ${review.revision}. Publishing makes it version ${nextVersion} for learners.`
                  : "Publishing is possible once every collaborator has signed off the current revision."}
          </p>
          <Form method="post" className="stack" noValidate>
            <Field
              label="What is in this version"
              name="changelog"
              multiline
              hint="Learners and trainers see this note. For a new version, say what changed."
              state={state}
              defaultValue={firstVersion ? "First version." : ""}
              maxLength={1000}
            />
            <div className="actions">
              <button type="submit" name="intent" value="publish">
                Publish version {nextVersion}
              </button>
            </div>
          </Form>
        </>
      ) : nothingNew ? (
        <p>
          Version {publication?.version} is published and the draft is the same, so there is nothing new to publish.
        </p>
      ) : status === "published" ? (
        <p>
          To publish version {nextVersion}, start the review of the changes. Once everyone has signed them off, you can
          publish it here.
        </p>
      ) : (
        <p>Start the review first: everyone working on the module signs it off before it is published.</p>
      )}
      {status === "published" ? (
        <Form method="post">
          <p className="muted">
            Withdrawing stops it being added to new courses. Its versions, and everyone taking them, stay.
          </p>
          <button type="submit" name="intent" value="unpublish" className="button-quiet">
            Withdraw from new courses
          </button>
        </Form>
      ) : null}
    </section>
  );
}
