/** What a refused form on the section page sends back; each block reads its own by `intent`. */
export type BlockState =
  | { intent?: string; errors?: Record<string, string>; values?: Record<string, string | string[]> }
  | undefined;
