// Domain failures carry a code, not a sentence for a form: lib/ throws them, the action layer
// (lib/action-errors.ts) turns a code into the words and the form field a person sees, and a
// webhook or job reads the code to tell a refusal (refund it, stop) from a passing outage (retry).
// The documenso AppErrorCode pattern. Client-safe.

export type AppErrorCode =
  /** Not in the caller's dojo, or gone: never reported as "forbidden". */
  | "NOT_FOUND"
  /** The invoice cannot take this payment now (details.reason says why). */
  | "NOT_PAYABLE"
  /** The amount cannot be booked on the invoice (details.reason says why). */
  | "INVALID_AMOUNT"
  /** A rule of the record's state refused it; the message (still written where it is thrown) says which. */
  | "REFUSED"
  /** Stripe (or another service) could not be reached or failed: the same request may work later. */
  | "UNAVAILABLE";

export type NotPayableReason = "draft" | "void" | "paid" | "collected_by_stripe" | "other_currency";
export type InvalidAmountReason = "other_currency" | "not_positive" | "more_than_open";

export type AppErrorDetails = {
  what?: string;
  reason?: NotPayableReason | InvalidAmountReason;
  currency?: string;
  expectedCurrency?: string;
  openMinor?: number;
};

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    public readonly details: AppErrorDetails = {},
    message: string = code,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function notPayable(reason: NotPayableReason, details: Omit<AppErrorDetails, "reason"> = {}): AppError {
  return new AppError("NOT_PAYABLE", { ...details, reason });
}

export function invalidAmount(reason: InvalidAmountReason, details: Omit<AppErrorDetails, "reason"> = {}): AppError {
  return new AppError("INVALID_AMOUNT", { ...details, reason });
}

/** Whether trying the same thing again later can succeed: false for every refusal, true for outages and bugs. */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof AppError) || error.code === "UNAVAILABLE";
}
