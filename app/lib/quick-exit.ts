/** A neutral page to leave to in a hurry. */
export const QUICK_EXIT_URL = "https://www.bbc.co.uk/weather";

/**
 * Replaces the current history entry, so "Back" does not return here. Without JavaScript the link
 * still leaves at once.
 */
export const quickExitScript = `document.addEventListener("click",function(e){var a=e.target&&e.target.closest&&e.target.closest("a[data-quick-exit]");if(!a)return;e.preventDefault();window.location.replace(a.href);});`;
