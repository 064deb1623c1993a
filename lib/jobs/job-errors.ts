/** Thrown by a job handler to be tried again when it says (Resend's `retry-after`, say). */
export class RetryJobLater extends Error {
  constructor(
    message: string,
    readonly retryInMs?: number,
    /** The service only asked us to slow down: the attempt does not count towards giving up. */
    readonly refundAttempt = false,
  ) {
    super(message);
  }
}

/** Thrown by a job handler when trying again cannot help (the request was refused as invalid): the job fails at once. */
export class PermanentJobError extends Error {}
