import { describe, expect, it } from "vitest";
import { resendFailure, retryAfterMs } from "./resend-failure";

describe("what a failed Resend request means", () => {
  it("waits retry-after on 429, whole seconds or an HTTP date, at least a second", () => {
    expect(resendFailure({ name: "rate_limit_exceeded", statusCode: 429, message: "Too many requests" }, { "retry-after": "7" })).toMatchObject({ kind: "rate-limited", retryAfterMs: 7_000 });
    expect(resendFailure({ name: "daily_quota_exceeded", statusCode: 429, message: "quota" }, {})).toMatchObject({ kind: "rate-limited", retryAfterMs: 1_000 });
    expect(retryAfterMs({ "ratelimit-reset": "3" })).toBe(3_000);
    expect(retryAfterMs({ "retry-after": "0" })).toBe(1_000);
    const now = Date.parse("2026-03-01T09:00:00Z");
    expect(retryAfterMs({ "retry-after": "Sun, 01 Mar 2026 09:00:30 GMT" }, now)).toBe(30_000);
  });

  it("retries 5xx, no answer at all and our own configuration problems", () => {
    expect(resendFailure({ name: "application_error", statusCode: 503, message: "Internal server error" }).kind).toBe("transient");
    expect(resendFailure({ name: "internal_server_error", statusCode: 500, message: "x" }).kind).toBe("transient");
    expect(resendFailure({ name: "application_error", statusCode: null, message: "Unable to fetch data." }).kind).toBe("transient");
    expect(resendFailure({ name: "invalid_api_key", statusCode: 403, message: "API key is invalid." }).kind).toBe("transient");
    expect(resendFailure({ name: "missing_api_key", statusCode: 401, message: "x" }).kind).toBe("transient");
    expect(resendFailure({ name: "concurrent_idempotent_requests", statusCode: 409, message: "x" }).kind).toBe("transient");
  });

  it("takes a used idempotency key as sent, and fails invalid requests for good", () => {
    expect(resendFailure({ name: "invalid_idempotent_request", statusCode: 409, message: "x" }).kind).toBe("already-sent");
    expect(resendFailure({ name: "validation_error", statusCode: 422, message: "Invalid `to` field." })).toEqual({ kind: "permanent", message: "validation_error (422): Invalid `to` field." });
    expect(resendFailure({ name: "missing_required_field", statusCode: 422, message: "Missing `subject` field." }).kind).toBe("permanent");
    expect(resendFailure({ name: "validation_error", statusCode: 400, message: "x" }).kind).toBe("permanent");
  });
});
