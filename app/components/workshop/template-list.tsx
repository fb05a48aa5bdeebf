import { Form } from "@remix-run/react";

type Template = { id: string; title: string; summary: string; minutes: number };

/** The organisation's own templates, offered beside the starter modules. */
export function TemplateList({ templates }: { templates: Template[] }) {
  if (templates.length === 0) return null;
  return (
    <section aria-labelledby="templates-title">
      <h2 id="templates-title">Or start from one of your templates</h2>
      <p>Modules your facilitators offer as a starting point. You get a new draft to make your own.</p>
      <ul className="plain-list">
        {templates.map((t) => (
          <li key={t.id} className="card">
            <h3>{t.title}</h3>
            {t.summary ? <p>{t.summary}</p> : null}
            <p className="muted">About {t.minutes} minutes</p>
            <Form method="post">
              <input type="hidden" name="templateId" value={t.id} />
              <button type="submit" name="intent" value="template" className="button-secondary">
                Start from template “{t.title}”
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
