/** A neutral page to leave to in a hurry. */
export const QUICK_EXIT_URL = "https://www.bbc.co.uk/weather";

/** Escape pressed twice within this long leaves too: a common shortcut in services like this one. */
export const DOUBLE_ESCAPE_MS = 800;

export const QUICK_EXIT_HINT = "Or press Escape twice to leave this site at once.";

/**
 * Pages without client code get this inline; hydrated pages run the same steps from the root. It
 * replaces the current history entry, so "Back" does not return here. Without JavaScript the link
 * still leaves at once.
 */
export const quickExitScript = `(function(){var u=${JSON.stringify(QUICK_EXIT_URL)},t=0;function go(){window.location.replace(u);}document.addEventListener("click",function(e){var a=e.target&&e.target.closest&&e.target.closest("a[data-quick-exit]");if(!a)return;e.preventDefault();go();});document.addEventListener("keydown",function(e){if(e.key!=="Escape"){t=0;return;}var n=Date.now();if(t&&n-t<${DOUBLE_ESCAPE_MS}){go();return;}t=n;});})();`;
