import { Form } from "@remix-run/react";
import type { courses } from "~/lib/domain.server";

type CoursePage = ReturnType<typeof courses.coursePage>;

/**
 * The modules of a course in order, each with the version it is pinned to and a way to move to a
 * newer one, moved up or down with buttons (ordering by keyboard), and the published modules to add.
 */
export function CourseModules({ items, available }: Pick<CoursePage, "items" | "available">) {
  return (
    <section className="card" aria-labelledby="outline-title">
      <h2 id="outline-title">Modules, in order</h2>
      {items.length === 0 ? (
        <p>No modules yet. Add published modules below.</p>
      ) : (
        <ol className="course-items">
          {items.map((item, index) => (
            <li key={item.moduleId}>
              <p>
                <strong>{item.title}</strong> <span className="badge">Version {item.version}</span>{" "}
                <span className="muted">about {item.estimatedMinutes} minutes</span>
              </p>
              {item.newer.length > 0 ? (
                <div className="notice">
                  <p>
                    <strong>Newer version available</strong> (version {item.newer[item.newer.length - 1]?.version}
                    ). What changed:
                  </p>
                  <ul>
                    {item.newer.map((n) => (
                      <li key={n.version}>
                        Version {n.version}: {n.changelog}
                      </li>
                    ))}
                  </ul>
                  <Form method="post">
                    <input type="hidden" name="moduleId" value={item.moduleId} />
                    <button type="submit" name="intent" value="update" className="button-secondary small">
                      Use version {item.newer[item.newer.length - 1]?.version}
                      <span className="visually-hidden"> of {item.title}</span>
                    </button>
                  </Form>
                </div>
              ) : null}
              <Form method="post" className="actions">
                <input type="hidden" name="moduleId" value={item.moduleId} />
                <button type="submit" name="intent" value="up" className="button-quiet small" disabled={index === 0}>
                  Move up<span className="visually-hidden"> {item.title}</span>
                </button>
                <button
                  type="submit"
                  name="intent"
                  value="down"
                  className="button-quiet small"
                  disabled={index === items.length - 1}
                >
                  Move down<span className="visually-hidden"> {item.title}</span>
                </button>
                <button type="submit" name="intent" value="remove" className="button-quiet small">
                  Remove<span className="visually-hidden"> {item.title}</span>
                </button>
              </Form>
            </li>
          ))}
        </ol>
      )}
      {available.length > 0 ? (
        <Form method="post" className="stack" noValidate>
          <div className="field">
            <label htmlFor="add-module">Add a published module</label>
            <select id="add-module" name="moduleId">
              {available.map((m) => (
                <option key={m.moduleId} value={m.moduleId}>
                  {m.title} (version {m.version})
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <button type="submit" name="intent" value="add" className="button-secondary">
              Add to course
            </button>
          </div>
        </Form>
      ) : (
        <p className="muted">
          {items.length > 0
            ? "Every published module is already in this course."
            : "No modules are published yet. Facilitators publish modules once everyone has signed them off."}
        </p>
      )}
    </section>
  );
}
