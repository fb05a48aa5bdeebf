/**
 * What an error page says for a status, with the route's own message when it gave one. Shared by the
 * root error page and the pages that downloads answer with, so both read the same.
 */
export function errorText(status: number, detail?: string): { title: string; message: string } {
  if (status === 404) {
    return {
      title: "We could not find that page",
      message: detail ?? "The link may be old, or the page may have moved.",
    };
  }
  if (status === 403) {
    return {
      title: "This page is not part of your role",
      message: `${detail ?? "Your role here does not include this page."} If you think it should be, ask your organisation admin.`,
    };
  }
  if (status === 400)
    return { title: "That did not work", message: detail ?? "Something in the request was not right." };
  return {
    title: "Something went wrong on our side",
    message: "Nothing you did caused this. Please try again in a moment.",
  };
}
