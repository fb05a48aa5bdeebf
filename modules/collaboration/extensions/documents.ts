/** A module document this server has loaded: which module it is, and how many bytes it holds. */
export type LoadedDocument = {
  moduleId: string;
  /** The stored state as last compacted, plus every update logged since: what the size limit counts. */
  bytes: number;
};

/**
 * The module documents loaded now, by document name. The durable log adds one when it loads it, keeps
 * its byte count as updates arrive and as it compacts, and drops it on unload; the size limit and the
 * derived facts only read it. A document Hocuspocus holds but the log did not load is not here.
 */
export type LoadedDocuments = Map<string, LoadedDocument>;

export function loadedDocuments(): LoadedDocuments {
  return new Map();
}
