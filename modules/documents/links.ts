const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:", "tel:"]);

/**
 * A page of Alongside itself, written as its path (`/learn/supervision`): one slash, then only the
 * characters a path needs. A second slash or a backslash would make browsers read another site.
 */
const SITE_PATH = /^\/(?![/\\])[A-Za-z0-9\-._~/]*$/;

/**
 * Links may only go to the web, an email address, a phone number or a page of Alongside: never
 * javascript: or data:.
 */
export function isAllowedLink(href: string): boolean {
  if (SITE_PATH.test(href)) return true;
  try {
    return ALLOWED_PROTOCOLS.has(new URL(href).protocol);
  } catch {
    return false;
  }
}

/** Whether a link goes to a page of Alongside, which a course exported to another system cannot open. */
export const isSiteLink = (href: string) => SITE_PATH.test(href);
