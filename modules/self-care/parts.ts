/** The four parts of a plan, in the order a learner meets them. Browser-safe: pages label boxes with it. */
export const PLAN_PARTS = [
  { name: "signs", label: "The signs that I am struggling" },
  { name: "helps", label: "What helps me" },
  { name: "contacts", label: "Who I can contact" },
  { name: "boundaries", label: "The boundaries I keep" },
] as const;

export type PlanPart = (typeof PLAN_PARTS)[number]["name"];

export const PLAN_PART_MAX = 2000;
