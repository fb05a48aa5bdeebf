export * from "./accounts";
export * from "./audit";
export * from "./cohorts";
export * from "./coproduction";
export * from "./learning";
export * from "./organisations";
export * from "./workshop";
export * from "./xapi";
