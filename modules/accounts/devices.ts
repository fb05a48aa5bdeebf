import Bowser from "bowser";

/**
 * A device as a person recognises it, from the User-Agent their browser sent at sign-in: "Firefox on
 * Windows". bowser knows the browsers; a header it cannot read, or none, is named plainly.
 */
export function deviceName(userAgent: string): string {
  if (userAgent.trim() === "") return "An unknown browser";
  const parser = Bowser.getParser(userAgent);
  const browser = parser.getBrowserName() || "An unknown browser";
  const system = parser.getOSName();
  return system ? `${browser} on ${system}` : browser;
}
