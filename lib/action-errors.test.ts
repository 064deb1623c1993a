import { describe, expect, it } from "vitest";
import { presentError, WORDS } from "@/lib/action-errors";
import { ActionError, NotFoundError } from "@/lib/action-result";
import { AppError, invalidAmount, invalidInput, isRetryable, notPayable, refused, unavailable, type Reasons } from "@/lib/errors";
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
    expect(presentError(refused("plan.not_upgrade", { plan: "basic", current: "pro" }))).toEqual({ error: "Basic is not an upgrade from Pro." });
    expect(presentError(refused("auth.throttled", { minutes: 1, what: "attempts" }))).toEqual({ error: "Too many attempts. Try again in 1 minute." });
  });

  it("asks about a switch of Stripe account naming only what it does to this dojo", () => {
    const ask = (linkedMembers: number, plans: number) => presentError(refused("stripe.switch_needs_confirmation", { linkedMembers, plans, chargingSubscriptions: 0 })).error;
    expect(ask(1, 0)).toMatch(/1 member is linked to a customer of that account\. Switching unlinks those customers \(members add their card again in the new account\)\. Nothing/);
    expect(ask(1, 0)).not.toMatch(/plans/);
    expect(ask(0, 2)).toMatch(/2 plans use prices of that account\. Switching archives those plans\. Nothing/);
    expect(ask(2, 1)).toMatch(/Switching unlinks those customers .* and archives those plans\./);
  });

  it("carries data, not words: the error's own message is its code and reason", () => {
    const error = refused("customer.linked_to_other", { customerId: "cus_1", memberName: "Ann Lee" });
    expect(error.message).toBe("REFUSED: customer.linked_to_other");
    expect(error.details).toEqual({ reason: "customer.linked_to_other", customerId: "cus_1", memberName: "Ann Lee" });
    expect(presentError(error).error).toBe("Customer cus_1 is already linked to Ann Lee.");
  });

  it("has words for every reason of the catalogue", () => {
    // Sample details: every field any reason reads, so each function runs without throwing.
    const sample = { minutes: 2, what: "attempts", provider: "staff", after: "login", key: "PLATFORM_STRIPE_SECRET_KEY", origin: "http://localhost:3000", local: true, url: "https://x.test/w", stripeMessage: "No.", chargingSubscriptions: 1, openPaymentPages: 1, linkedMembers: 2, plans: 1, invoiceNumber: "2026-0001", plan: "basic", current: "pro", customerId: "cus_1", memberName: "Ann Lee", planCurrency: "EUR", currency: "USD", problem: "Enter an amount such as 25 or 25.50", priceId: "price_1", name: "Gold", why: "metered", problems: [{ kind: "no_rows" }], rows: [{ row: 2, messages: ["E-mail: not an address"] }], linePrices: [{ line: 0, problem: "Enter an amount such as 25 or 25.50" }], state: "expired", change: "demote", limit: 3, action: "issue", status: "open", retryAfterMs: 60_000, available: 2, product: "Belt", amountMinor: 40, limitMinor: 50, of: "invoice", who: "staff", refundableMinor: 100, paymentCurrency: "EUR" };
    const reasons = Object.keys(WORDS) as (keyof Reasons)[];
    expect(reasons.length).toBeGreaterThan(50);
    for (const reason of reasons) {
      const { error, fieldErrors } = presentError(new AppError("REFUSED", { ...sample, reason } as never));
      expect(error, reason).toMatch(/^\S.*[.)…]$|^[A-Z]/);
      expect(error, reason).not.toMatch(/undefined|\[object/);
      for (const words of Object.values(fieldErrors ?? {})) expect(words.join(""), reason).not.toBe("");
    }
  });

  it("puts the words next to the field the reason names, or the field the action names for a code", () => {
    expect(presentError(refused("stripe.secret_key_refused"))).toEqual({
      error: "Stripe did not accept this secret key. Copy it again from Developers → API keys.",
      fieldErrors: { secretKey: ["Stripe did not accept this secret key. Copy it again from Developers → API keys."] },
    });
    expect(presentError(invalidInput("subscription_plan.amount_not_positive")).fieldErrors).toEqual({ amount: ["The amount must be more than zero."] });
    expect(presentError(invalidAmount("not_positive"), { INVALID_AMOUNT: "amount" })).toEqual({ error: "The amount must be more than zero.", fieldErrors: { amount: ["The amount must be more than zero."] } });
    expect(presentError(invalidAmount("not_positive"), { NOT_PAYABLE: "amount" })).toEqual({ error: "The amount must be more than zero." });
  });

  it("keeps the words and fields of the action layer's own refusals", () => {
    const refusal = new ActionError("Offer at least one way to pay.", { payAtDojo: ["Offer at least one way to pay"] });
    expect(refusal.code).toBe("REFUSED");
    expect(presentError(refusal, { REFUSED: "other" })).toEqual({ error: "Offer at least one way to pay.", fieldErrors: { payAtDojo: ["Offer at least one way to pay"] } });
  });

  it("lets a webhook or job tell a refusal (refund, stop) from an outage (retry)", () => {
    expect(isRetryable(notPayable("void"))).toBe(false);
    expect(isRetryable(new NotFoundError("Invoice"))).toBe(false);
    expect(isRetryable(refused("stripe.refused", { stripeMessage: "No such price" }))).toBe(false);
    expect(isRetryable(invalidInput("subscription_plan.amount_not_positive"))).toBe(false);
    const outage = unavailable("card_payment.stripe_unreachable");
    expect(isRetryable(outage)).toBe(true);
    expect(presentError(outage).error).toMatch(/^Stripe could not be reached/);
    expect(isRetryable(new Error("connection reset"))).toBe(true);
  });
});
