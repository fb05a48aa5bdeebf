import { Field, type FormState } from "./form";

/** The fields that describe a cohort, shared by the new-cohort and details forms. */
export function CohortFields({
  state,
  cohort,
}: {
  state: FormState;
  cohort?: { name: string; description: string; startsOn: string; endsOn: string | null };
}) {
  return (
    <>
      <Field label="Name" name="name" state={state} defaultValue={cohort?.name} required maxLength={120} />
      <Field
        label="Description"
        name="description"
        multiline
        hint="Who it is for, and anything learners should know before they begin."
        state={state}
        defaultValue={cohort?.description}
        maxLength={1000}
      />
      <Field label="Starts on" name="startsOn" type="date" state={state} defaultValue={cohort?.startsOn} required />
      <Field label="Ends on (optional)" name="endsOn" type="date" state={state} defaultValue={cohort?.endsOn ?? ""} />
    </>
  );
}
