import { Field, type FormState } from "./form";
import { type PlaceOptions, SupportPlaceFields } from "./support/support-place-fields";

type Resource = {
  name: string;
  purpose: string;
  phone: string;
  sms: string;
  web: string;
  hours: string;
  nations: string[];
  populations: string[];
  source: string;
};

/** The fields of a support resource, shared by the add and edit forms. */
export function SupportFields({
  state,
  resource,
  places,
}: {
  state: FormState;
  resource?: Resource;
  places: PlaceOptions;
}) {
  return (
    <>
      <Field label="Name" name="name" state={state} defaultValue={resource?.name} required maxLength={120} />
      <Field
        label="What it is for"
        name="purpose"
        multiline
        hint="One or two plain sentences, for someone having a hard time."
        state={state}
        defaultValue={resource?.purpose}
        required
        maxLength={400}
      />
      <Field
        label="Phone (optional)"
        name="phone"
        type="tel"
        state={state}
        defaultValue={resource?.phone}
        maxLength={60}
      />
      <Field
        label="Text (optional)"
        name="sms"
        hint="For example: Text SHOUT to 85258"
        state={state}
        defaultValue={resource?.sms}
        maxLength={120}
      />
      <Field
        label="Website (optional)"
        name="web"
        type="url"
        hint="Starting with https://"
        state={state}
        defaultValue={resource?.web}
        maxLength={300}
      />
      <Field
        label="Opening hours (optional)"
        name="hours"
        hint="For example: 24 hours a day, 7 days a week"
        state={state}
        defaultValue={resource?.hours}
        maxLength={120}
      />
      <SupportPlaceFields state={state} options={places} resource={resource} />
      <Field
        label="Where these details come from (optional)"
        name="source"
        type="url"
        hint="The service's own page, starting with https://, so the details can be checked again."
        state={state}
        defaultValue={resource?.source}
        maxLength={300}
      />
    </>
  );
}
