import { Field, type FormState, fieldValue } from "./form";

type Option = { value: string; label: string };

/** The fields that describe a module, shared by the new-module and details forms. */
export function ModuleFields({
  state,
  topics,
  module,
}: {
  state: FormState;
  topics: Option[];
  module?: { title: string; topic: string; customTopic: string; summary: string; estimatedMinutes: number };
}) {
  const topic = fieldValue(state, "topic", module?.topic ?? "boundaries");
  const topicError = state?.errors?.topic;
  return (
    <>
      <Field label="Title" name="title" state={state} defaultValue={module?.title} required maxLength={120} />
      <div className={topicError ? "field field-error" : "field"}>
        <label htmlFor="module-topic">Topic</label>
        {topicError ? <p className="error-message">{topicError}</p> : null}
        <select id="module-topic" name="topic" defaultValue={topic}>
          {topics.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      <Field
        label="If other, what topic?"
        name="customTopic"
        state={state}
        defaultValue={module?.customTopic}
        maxLength={60}
      />
      <Field
        label="Summary"
        name="summary"
        multiline
        hint="A few sentences on what the module is for and who it helps."
        state={state}
        defaultValue={module?.summary}
        maxLength={600}
      />
      <Field
        label="About how many minutes it takes"
        name="estimatedMinutes"
        type="number"
        inputMode="numeric"
        min={1}
        max={600}
        state={state}
        defaultValue={module ? String(module.estimatedMinutes) : "30"}
      />
    </>
  );
}
