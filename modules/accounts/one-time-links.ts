import { InvalidError } from "../shared/errors";

/** The shape of the tokens newToken makes, with room to spare: anything else is not a link of ours. */
export const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export type LinkState = "active" | "expired" | "used";

/** Where a one-time link stands: used once already, past its time, or still good. */
export function linkState(row: { usedAt: Date | null; expiresAt: Date }, now: Date): LinkState {
  if (row.usedAt) return "used";
  if (row.expiresAt <= now) return "expired";
  return "active";
}

/** A link that cannot be used, with the plain reason; the page offers a way to ask again. */
export class LinkError extends InvalidError {
  constructor(message: string) {
    super(message, "link");
  }
}
