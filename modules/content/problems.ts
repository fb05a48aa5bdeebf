import type { Node } from "unist";

/** One thing wrong with a content file, in words an author can act on. */
export type ContentError = { file: string; line: number; column?: number; message: string };

/** Collects every problem in a file, so an author fixes them all in one go rather than one per run. */
export class Problems {
  readonly list: ContentError[] = [];

  constructor(readonly file: string) {}

  at(line: number, message: string, column?: number) {
    this.list.push({ file: this.file, line, ...(column ? { column } : {}), message });
  }

  /** Reports at a Markdown node's first line (line 1 when a node has no position, which parsed nodes always have). */
  on(node: Node | undefined, message: string) {
    const start = node?.position?.start;
    this.at(start?.line ?? 1, message, start?.column);
  }

  get count() {
    return this.list.length;
  }

  /** In file order, each message once per line (an HTML tag's opening and closing are one problem). */
  sorted(): ContentError[] {
    const seen = new Set<string>();
    return [...this.list]
      .sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0))
      .filter((e) => {
        const key = `${e.line}\n${e.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  }
}

export function formatError(error: ContentError): string {
  return `${error.file}:${error.line}: ${error.message}`;
}
