import type { PlaceOptions } from "./support-place-fields";

/** On the admins' list: where a resource serves, who it is for, and where its details come from. */
export function SupportPlacesLine({
  resource,
  places,
}: {
  resource: { nations: string[]; populations: string[]; source: string };
  places: PlaceOptions;
}) {
  const label = (options: PlaceOptions["nations"], value: string) =>
    options.find((o) => o.value === value)?.label ?? value;
  return (
    <p className="muted">
      Serves: {resource.nations.map((n) => label(places.nations, n)).join(", ")}. For:{" "}
      {resource.populations.map((p) => label(places.groups, p)).join(", ")}.
      {resource.source ? (
        <>
          {" "}
          Details from{" "}
          <a href={resource.source} rel="noreferrer">
            {resource.source.replace(/^https:\/\//, "")}
          </a>
          .
        </>
      ) : null}
    </p>
  );
}
