// Shared by server and client code: the one result shape of every action.
import { AppError } from "@/lib/errors";

export { AppError } from "@/lib/errors";

export type FieldErrors = Record<string, string[]>;
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: FieldErrors };

/**
 * A refusal whose words are still written where it is thrown (code REFUSED): shown to the user
 * as it is, with field errors where they belong. New domain failures throw a coded AppError
 * (lib/errors.ts) and get their words in lib/action-errors.ts instead.
 */
export class ActionError extends AppError {
  constructor(
    message: string,
    public readonly fieldErrors?: FieldErrors,
    code: "REFUSED" | "UNAVAILABLE" = "REFUSED",
  ) {
    super(code, {}, message);
  }
}

/** Anything that is not in the caller's dojo is reported as not found, never as forbidden. */
export class NotFoundError extends AppError {
  constructor(what = "That record") {
    super("NOT_FOUND", { what }, `${what} was not found.`);
  }
}
