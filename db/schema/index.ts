export * from "./accounts";
export * from "./audit";
export * from "./organisations";
export * from "./workshop";
