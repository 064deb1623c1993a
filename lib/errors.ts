// Domain failures carry a code and a reason, never a sentence for a form: lib/ throws them, the
// action layer (lib/action-errors.ts) turns code + reason into the words and the form field a
// person sees, and a webhook or job reads the code to tell a refusal (refund it, stop) from a
// passing outage (retry). The documenso AppErrorCode pattern. Client-safe.
import type { Reason, Reasons } from "@/lib/error-reasons";

export type { MemberImportFileProblem, Reason, Reasons } from "@/lib/error-reasons";

export type AppErrorCode =
  /** Not in the caller's dojo, or gone: never reported as "forbidden". */
  | "NOT_FOUND"
  /** The invoice cannot take this payment now (details.reason says why). */
  | "NOT_PAYABLE"
  /** The amount cannot be booked on the invoice (details.reason says why). */
  | "INVALID_AMOUNT"
  /** What was sent cannot be used as it is (a file, a picture, a price): correcting it helps. */
  | "INVALID_INPUT"
  /** A rule of the record's state refused it (details.reason says which): trying again will not help. */
  | "REFUSED"
  /** Stripe (or another service) could not be reached or failed: the same request may work later. */
  | "UNAVAILABLE";

export type NotPayableReason = "draft" | "void" | "paid" | "collected_by_stripe" | "other_currency";
export type InvalidAmountReason = "other_currency" | "not_positive" | "more_than_open";

type MoneyDetails = { currency?: string; expectedCurrency?: string; openMinor?: number };

/** What was not found: a name, not words (the action layer words each one). */
export type NotFound =
  | "That record"
  | "Card setup"
  | "Dojo"
  | "Family"
  | "Fee"
  | "Invitation"
  | "Invoice"
  | "Ledger entry"
  | "Mail"
  | "Member"
  | "Order"
  | "Payment"
  | "Plan"
  | "Plan change"
  | "Product"
  | "Refund"
  | "Shop"
  | "Staff member"
  | "Subscription";

/** The details of one reason of the catalogue (lib/error-reasons.ts): its name and what its words need. */
export type ReasonDetails<R extends Reason = Reason> = { [K in R]: { reason: K } & Reasons[K] }[R];

export type DetailsOf<C extends AppErrorCode> = C extends "NOT_FOUND"
  ? { what?: NotFound }
  : C extends "NOT_PAYABLE"
    ? { reason: NotPayableReason } & MoneyDetails
    : C extends "INVALID_AMOUNT"
      ? { reason: InvalidAmountReason } & MoneyDetails
      : ReasonDetails;

export class AppError<C extends AppErrorCode = AppErrorCode> extends Error {
  constructor(
    public readonly code: C,
    public readonly details: DetailsOf<C>,
    // Only the action layer's own refusal (lib/action-result.ts) passes words; domain errors log as code:reason.
    message?: string,
  ) {
    super(message ?? `${code}${"reason" in details ? `: ${String(details.reason)}` : ""}`);
    this.name = "AppError";
  }
}

/** Anything that is not in the caller's dojo is reported as not found, never as forbidden. */
export class NotFoundError extends AppError<"NOT_FOUND"> {
  constructor(what: NotFound = "That record") {
    super("NOT_FOUND", { what });
  }
}

export function notPayable(reason: NotPayableReason, details: MoneyDetails = {}): AppError<"NOT_PAYABLE"> {
  return new AppError("NOT_PAYABLE", { ...details, reason });
}

export function invalidAmount(reason: InvalidAmountReason, details: MoneyDetails = {}): AppError<"INVALID_AMOUNT"> {
  return new AppError("INVALID_AMOUNT", { ...details, reason });
}

type DetailsArgs<R extends Reason> = Record<never, never> extends Reasons[R] ? [details?: Reasons[R]] : [details: Reasons[R]];

const coded =
  <C extends "REFUSED" | "INVALID_INPUT" | "UNAVAILABLE">(code: C) =>
  <R extends Reason>(reason: R, ...[details]: DetailsArgs<R>): AppError<C> =>
    new AppError(code, { ...details, reason } as DetailsOf<C>);

/** A rule refused it (see lib/error-reasons.ts for the reasons and what each carries). */
export const refused = coded("REFUSED");
/** What was sent cannot be used as it is. */
export const invalidInput = coded("INVALID_INPUT");
/** A service failed or could not be reached: the same request may work later. */
export const unavailable = coded("UNAVAILABLE");

/** Whether trying the same thing again later can succeed: false for every refusal, true for outages and bugs. */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof AppError) || error.code === "UNAVAILABLE";
}
