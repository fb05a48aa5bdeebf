import { Form } from "@remix-run/react";
import { type FormState, fieldValue, fieldValues } from "~/components/form";
import { formatDate } from "~/components/layout";

type Mine = { id: string; dueOn: string; note: string; askedBy: string };
type Request = Mine & {
  answered: { name: string; note: string; at: Date | string | null }[];
  waiting: { userId: string; name: string }[];
};
type Candidate = { userId: string; name: string; role: string };

const ROLE_WORDS: Record<string, string> = {
  facilitator: "facilitator",
  co_designer: "co-designer",
  reviewer: "reviewer",
};

/**
 * Review requests on the Review tab: the person's own to answer, and for facilitators a form to ask
 * for one by a date, with who has answered and who has not yet. Plain forms: no JavaScript needed.
 */
export function ReviewRequestsPanel({
  mine,
  all,
  candidates,
  canRequest,
  stateFor,
}: {
  mine: Mine[];
  all: Request[] | null;
  candidates: Candidate[];
  canRequest: boolean;
  stateFor: (intent: string) => FormState;
}) {
  if (mine.length === 0 && !canRequest) return null;
  return (
    <section className="card" id="review-requests" aria-labelledby="review-requests-title">
      <h2 id="review-requests-title">Review requests</h2>
      {mine.map((r) => (
        <AnswerForm key={r.id} request={r} state={stateFor(`done-${r.id}`)} />
      ))}
      {canRequest ? <RequestForm candidates={candidates} state={stateFor("requestReview")} /> : null}
      {all && all.length > 0 ? <RequestList requests={all} /> : null}
    </section>
  );
}

function AnswerForm({ request, state }: { request: Mine; state: FormState }) {
  const noteId = `done-note-${request.id}`;
  return (
    <Form method="post" className="stack" noValidate>
      <p>
        {request.askedBy} asked you to review this module by <strong>{formatDate(request.dueOn)}</strong>.
      </p>
      {request.note ? <p className="muted">Their note: {request.note}</p> : null}
      <input type="hidden" name="requestId" value={request.id} />
      <div className={state?.errors?.note ? "field field-error" : "field"}>
        <label htmlFor={noteId}>A note for the facilitator (optional)</label>
        {state?.errors?.note ? <p className="error-message">{state.errors.note}</p> : null}
        <textarea id={noteId} name="note" rows={2} maxLength={500} defaultValue={fieldValue(state, "note")} />
      </div>
      <div className="actions">
        <button type="submit" name="intent" value="reviewDone">
          I'm done reviewing
        </button>
      </div>
    </Form>
  );
}

function RequestForm({ candidates, state }: { candidates: Candidate[]; state: FormState }) {
  const errors = state?.errors ?? {};
  const ticked = new Set(fieldValues(state, "people"));
  if (candidates.length === 0) {
    return <p className="muted">Add people to the module to ask them for a review.</p>;
  }
  return (
    <Form method="post" className="stack" noValidate>
      <h3>Ask for a review</h3>
      <fieldset className={errors.people ? "field-error" : undefined}>
        <legend>Who to ask</legend>
        {errors.people ? <p className="error-message">{errors.people}</p> : null}
        {candidates.map((c) => (
          <div className="checkbox" key={c.userId}>
            <input
              type="checkbox"
              id={`ask-${c.userId}`}
              name="people"
              value={c.userId}
              defaultChecked={ticked.has(c.userId)}
            />
            <label htmlFor={`ask-${c.userId}`}>
              {c.name} <span className="muted">({ROLE_WORDS[c.role] ?? c.role})</span>
            </label>
          </div>
        ))}
      </fieldset>
      <div className={errors.dueOn ? "field field-error" : "field"}>
        <label htmlFor="review-due-on">Review by</label>
        <p className="hint" id="review-due-on-hint">
          Today or a later date. They are reminded in the app two days before.
        </p>
        {errors.dueOn ? (
          <p className="error-message" id="review-due-on-error">
            {errors.dueOn}
          </p>
        ) : null}
        <input
          type="date"
          id="review-due-on"
          name="dueOn"
          defaultValue={fieldValue(state, "dueOn")}
          aria-invalid={errors.dueOn ? true : undefined}
          aria-describedby={errors.dueOn ? "review-due-on-hint review-due-on-error" : "review-due-on-hint"}
        />
      </div>
      <div className={errors.note ? "field field-error" : "field"}>
        <label htmlFor="review-request-note">A note for them (optional)</label>
        {errors.note ? <p className="error-message">{errors.note}</p> : null}
        <textarea
          id="review-request-note"
          name="note"
          rows={2}
          maxLength={500}
          defaultValue={fieldValue(state, "note")}
        />
      </div>
      <div className="actions">
        <button type="submit" name="intent" value="requestReview">
          Ask for a review
        </button>
      </div>
    </Form>
  );
}

function RequestList({ requests }: { requests: Request[] }) {
  return (
    <>
      <h3>Asked so far</h3>
      <ul className="plain-list stack">
        {requests.map((r) => (
          <li key={r.id}>
            <p>
              <strong>By {formatDate(r.dueOn)}</strong>, asked by {r.askedBy}
            </p>
            <p>
              {r.waiting.length > 0
                ? `Not answered yet: ${r.waiting.map((p) => p.name).join(", ")}`
                : "Everyone asked has answered."}
            </p>
            {r.answered.length > 0 ? (
              <ul>
                {r.answered.map((a) => (
                  <li key={a.name}>
                    {a.name} is done reviewing{a.note ? `: ${a.note}` : "."}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
