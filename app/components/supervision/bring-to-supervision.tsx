import { ErrorSummary, Field, type FormState } from "~/components/form";
import { formatDate } from "~/components/layout";
import { PageForm, PageLink } from "~/components/page-links";
import { EntryPicker } from "./entry-picker";
import { SelfCarePlanChoice } from "./self-care-plan-choice";

type JournalEntry = { id: string; prompt: string; context: string; body: string; updatedAt: Date | string };

/**
 * The journal as a form: each entry with a box to tick, then the points to raise, then one button
 * that makes a "For my supervision" page. What was typed comes back with any message.
 */
export function BringToSupervision({ entries, state }: { entries: JournalEntry[]; state: FormState }) {
  const mine = state && "intent" in state && state.intent === "supervision" ? state : undefined;
  return (
    <PageForm method="post" className="stack" noValidate>
      <ErrorSummary state={mine} />
      <EntryPicker entries={entries} state={mine}>
        {(e) => {
          const entry = entries.find((x) => x.id === e.id);
          return entry ? (
            <>
              <p className="muted">{formatDate(entry.updatedAt)}</p>
              <p className="journal-body">{entry.body}</p>
              <PageLink to={`/learn/journal/${entry.id}`}>
                Edit or delete<span className="visually-hidden"> the entry “{entry.prompt}”</span>
              </PageLink>
            </>
          ) : null;
        }}
      </EntryPicker>
      <section className="card stack" aria-labelledby="bring-heading">
        <h2 id="bring-heading">Bring it to supervision</h2>
        <p>
          Tick the entries above, then write what you want to talk about. You get a page of your own to print, download
          or share with a supervisor if you choose.
        </p>
        <Field label="Title" name="title" state={mine} defaultValue="For my supervision" maxLength={120} />
        <Field label="Points I want to raise" name="points" multiline state={mine} maxLength={5000} />
        <SelfCarePlanChoice checked={mine?.values?.includeSelfCarePlan === "on"} />
        <div className="actions">
          <button type="submit" name="intent" value="supervision">
            Make my supervision page
          </button>
        </div>
        <p>
          <PageLink to="/learn/supervision">My supervision pages</PageLink>
        </p>
      </section>
    </PageForm>
  );
}
