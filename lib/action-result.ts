// Shared by server and client code: the one result shape of every action.
export type FieldErrors = Record<string, string[]>;
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: FieldErrors };

/** A failure to show the user as it is (with field errors where they belong). */
export class ActionError extends Error {
  constructor(
    message: string,
    public readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
  }
}

/** Anything that is not in the caller's dojo is reported as not found, never as forbidden. */
export class NotFoundError extends ActionError {
  constructor(what = "That record") {
    super(`${what} was not found.`);
  }
}
