// Shared by server and client code: the one result shape of every action.
import { AppError } from "@/lib/errors";

export { AppError, NotFoundError } from "@/lib/errors";

export type FieldErrors = Record<string, string[]>;
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: FieldErrors };

/**
 * A refusal written by the action layer itself (app/ server actions, for checks of their own
 * input): shown as it is, with field errors where they belong. Domain code (lib/) throws a coded
 * AppError instead, whose words live in lib/action-errors/ (lib/errors.test.ts enforces it).
 */
export class ActionError extends AppError<"REFUSED"> {
  constructor(
    message: string,
    public readonly fieldErrors?: FieldErrors,
  ) {
    super("REFUSED", { reason: "action.refused" }, message);
  }
}
