/**
 * Domain errors. Routes turn them into responses: NotFound → 404, Forbidden → 403,
 * Invalid → the form again with the message beside the field.
 */
export class NotFoundError extends Error {
  constructor(what = "That page") {
    super(`${what} could not be found.`);
  }
}

export class ForbiddenError extends Error {
  constructor(message = "Your role here does not include this page.") {
    super(message);
  }
}

/** A rule the input broke that only the domain can see (duplicate email, expired invitation…). */
export class InvalidError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
