/**
 * Where a support resource serves and who it is for, in the words people are shown. "uk" and
 * "everyone" are the broad values: a resource for one nation or one group says so instead.
 */
export const NATIONS = ["uk", "england", "scotland", "wales", "northern-ireland"] as const;
export type Nation = (typeof NATIONS)[number];

export const NATION_LABELS: Record<Nation, string> = {
  uk: "UK-wide",
  england: "England",
  scotland: "Scotland",
  wales: "Wales",
  "northern-ireland": "Northern Ireland",
};

export const POPULATIONS = [
  "everyone",
  "veterans",
  "sexual-violence",
  "domestic-abuse",
  "drugs-alcohol",
  "men",
  "lgbtq",
  "young-people",
  "migrants",
] as const;
export type Population = (typeof POPULATIONS)[number];

export const POPULATION_LABELS: Record<Population, string> = {
  everyone: "Everyone",
  veterans: "Veterans",
  "sexual-violence": "People affected by sexual violence",
  "domestic-abuse": "People affected by domestic abuse",
  "drugs-alcohol": "People affected by drugs or alcohol",
  men: "Men",
  lgbtq: "LGBTQ+ people",
  "young-people": "Young people",
  migrants: "Migrants and people seeking asylum",
};

/** A broad value chosen with narrower ones means the broad one: UK-wide already covers England. */
export function narrowest<T extends string>(values: readonly T[], broad: T): T[] {
  const unique = [...new Set(values)];
  return unique.includes(broad) ? [broad] : unique;
}
