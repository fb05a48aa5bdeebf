export type SupportItem = {
  id: string;
  name: string;
  purpose: string;
  phone: string;
  sms: string;
  web: string;
  hours: string;
  /** Shown first because it is for the person's nation or one of their groups. */
  forYou?: boolean;
};

function telHref(phone: string) {
  return `tel:${phone.replace(/[^0-9+]/g, "")}`;
}

/** Support resources as people need them in a hard moment: what it is, and one tap to reach it. */
export function SupportList({
  resources,
  headingLevel = 2,
}: {
  resources: readonly SupportItem[];
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="support-list">
      {resources.map((r) => (
        <li key={r.id} className="card">
          <Heading>{r.name}</Heading>
          {r.forYou ? (
            <p>
              <span className="badge">Fits your choice</span>
            </p>
          ) : null}
          <p>{r.purpose}</p>
          <ul className="support-ways">
            {r.phone ? (
              <li>
                Call <a href={telHref(r.phone)}>{r.phone}</a>
              </li>
            ) : null}
            {r.sms ? <li>{r.sms}</li> : null}
            {r.web ? (
              <li>
                <a href={r.web} rel="noreferrer" target="_blank">
                  {r.web.replace(/^https?:\/\//, "")}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              </li>
            ) : null}
            {r.hours ? <li>Open: {r.hours}</li> : null}
          </ul>
        </li>
      ))}
    </ul>
  );
}
