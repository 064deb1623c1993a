import type { ErrorResponse } from "resend";

// Resend answers every failure with `{ statusCode, message, name }`; the SDK returns that body as
// its `error`, so tests and the app see exactly what they would see from api.resend.com.
export class ResendError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorResponse["name"],
    message: string,
  ) {
    super(message);
  }

  body(): ErrorResponse {
    return { statusCode: this.statusCode, message: this.message, name: this.code };
  }
}
