import type { Section } from "../documents/sections";
import { type Part, sectionParts, versionSections } from "./player";

/**
 * Module versions never change, so the parsed sections and rendered parts of each one are kept in
 * memory. Bounded, least recently used out first.
 */
const MAX_VERSIONS = 200;
const cache = new Map<string, { sections: Section[]; parts: Map<number, Part[]> }>();

export function cachedVersion(versionId: string, load: () => { doc: Parameters<typeof versionSections>[0] }) {
  let entry = cache.get(versionId);
  if (entry) {
    cache.delete(versionId);
  } else {
    entry = { sections: versionSections(load().doc), parts: new Map() };
    if (cache.size >= MAX_VERSIONS) cache.delete(cache.keys().next().value as string);
  }
  cache.set(versionId, entry);
  const { sections, parts } = entry;
  return {
    sections,
    parts(index: number): Part[] {
      let found = parts.get(index);
      if (!found) {
        const section = sections[index - 1];
        found = section ? sectionParts(section) : [];
        parts.set(index, found);
      }
      return found;
    },
  };
}
