import { describe, expect, it } from "vitest";
import { presentError } from "@/lib/action-errors";
import { ActionError, NotFoundError } from "@/lib/action-result";
import { AppError, invalidAmount, isRetryable, notPayable } from "@/lib/errors";
import { assertPayable, whyNotPayable } from "@/lib/invoices/payable";

const invoice = (status: "draft" | "open" | "paid" | "void", totalMinor = 5000, paidMinor = 0) => ({ status, totalMinor, paidMinor });

describe("domain errors by code", () => {
  it("one payability rule: the open amount, or NOT_PAYABLE with the reason", () => {
    expect(assertPayable(invoice("open", 5000, 1500))).toBe(3500);
    expect(whyNotPayable(invoice("draft"))).toBe("draft");
    expect(whyNotPayable(invoice("void"))).toBe("void");
    expect(whyNotPayable(invoice("paid", 5000, 5000))).toBe("paid");
    expect(whyNotPayable(invoice("open", 5000, 5000))).toBe("paid");
    expect(() => assertPayable(invoice("void"))).toThrow(expect.objectContaining({ code: "NOT_PAYABLE", details: { reason: "void" } }));
  });

  it("turns codes into the words users have always read, only in the action layer", () => {
    expect(presentError(notPayable("paid"))).toEqual({ error: "This invoice is already paid." });
    expect(presentError(notPayable("void"))).toEqual({ error: "This invoice is void; it cannot be paid." });
    expect(presentError(notPayable("draft")).error).toMatch(/^Issue the invoice before/);
    expect(presentError(notPayable("other_currency", { currency: "USD", expectedCurrency: "EUR", openMinor: 1250 })).error).toBe(
      "This invoice is in USD ($12.50 open), but the dojo's Stripe account charges in EUR. Nothing was charged; record the payment another way or change the Stripe currency in Settings → Stripe.",
    );
    expect(presentError(invalidAmount("more_than_open", { openMinor: 1250, expectedCurrency: "EUR" })).error).toBe("The amount is more than the €12.50 still open.");
    expect(presentError(new NotFoundError("Invoice"))).toEqual({ error: "Invoice was not found." });
  });

  it("puts a code's words next to the field the action names, and nowhere else", () => {
    expect(presentError(invalidAmount("not_positive"), { INVALID_AMOUNT: "amount" })).toEqual({ error: "The amount must be more than zero.", fieldErrors: { amount: ["The amount must be more than zero."] } });
    expect(presentError(invalidAmount("not_positive"), { NOT_PAYABLE: "amount" })).toEqual({ error: "The amount must be more than zero." });
  });

  it("keeps the words and fields of refusals still written where they are thrown", () => {
    const refused = new ActionError("That address is taken.", { slug: ["That address is taken — try another"] });
    expect(refused.code).toBe("REFUSED");
    expect(presentError(refused, { REFUSED: "other" })).toEqual({ error: "That address is taken.", fieldErrors: { slug: ["That address is taken — try another"] } });
  });

  it("lets a webhook or job tell a refusal (refund, stop) from an outage (retry)", () => {
    expect(isRetryable(notPayable("void"))).toBe(false);
    expect(isRetryable(new NotFoundError("Invoice"))).toBe(false);
    expect(isRetryable(new ActionError("No."))).toBe(false);
    const outage = new ActionError("Stripe could not be reached. Nothing was charged.", undefined, "UNAVAILABLE");
    expect(isRetryable(outage)).toBe(true);
    expect(presentError(outage)).toEqual({ error: "Stripe could not be reached. Nothing was charged." });
    expect(isRetryable(new AppError("UNAVAILABLE"))).toBe(true);
    expect(isRetryable(new Error("connection reset"))).toBe(true);
  });
});
