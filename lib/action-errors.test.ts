import { afterEach, describe, expect, it, vi } from "vitest";
import { presentError, WORDS } from "@/lib/action-errors";
import { ActionError, NotFoundError } from "@/lib/action-result";
import { AppError, invalidAmount, invalidInput, isRetryable, notPayable, refused, unavailable, type NotFound, type Reasons } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n/locales";
import { assertPayable, whyNotPayable } from "@/lib/invoices/payable";

const invoice = (status: "draft" | "open" | "paid" | "void", totalMinor = 5000, paidMinor = 0) => ({ status, totalMinor, paidMinor });

// Sample details: every field any reason reads, so each reason's words run without throwing.
const sample = { minutes: 2, what: "attempts", provider: "staff", after: "login", key: "PLATFORM_STRIPE_SECRET_KEY", origin: "http://localhost:3000", local: true, url: "https://x.test/w", stripeMessage: "No.", chargingSubscriptions: 1, openPaymentPages: 1, linkedMembers: 2, plans: 1, invoiceNumber: "2026-0001", plan: "basic", current: "pro", customerId: "cus_1", memberName: "Ann Lee", planCurrency: "EUR", currency: "USD", problem: "Enter an amount such as 25 or 25.50", priceId: "price_1", name: "Gold", why: "metered", problems: [{ kind: "no_rows" }], rows: [{ row: 2, messages: ["E-mail: not an address"] }], linePrices: [{ line: 0, problem: "Enter an amount such as 25 or 25.50" }], total: "too_large", state: "expired", change: "demote", limit: 3, action: "issue", status: "open", retryAfterMs: 60_000, available: 2, product: "Belt", amountMinor: 40, limitMinor: 50, of: "invoice", who: "staff", refundableMinor: 100, paymentCurrency: "EUR", field: "memberId" };
// The other branch of each choice the words make (a select, a plural, a list), merged over the sample.
const VARIANTS: Record<string, unknown>[] = [
  {},
  { what: "failed attempts", minutes: 1, provider: "member", local: false, chargingSubscriptions: 0, linkedMembers: 1, plans: 0, state: "invalid", change: "deactivate", action: "edit", status: "void", retryAfterMs: 3 * 60 * 60_000, available: 0, of: "order", atDojoOffered: true, who: "member", stripeMessage: null, problem: "empty", total: "not_positive", limit: 1 },
  { after: "invitation", openPaymentPages: 0, linkedMembers: 0, plans: 2, chargingSubscriptions: 3, state: "revoked", of: "order", problems: [{ kind: "duplicate_column", field: "lastName", headers: ["Last name", "Surname"] }, { kind: "missing_columns", fields: ["firstName", "lastName"] }, { kind: "too_many_rows", rows: 501, max: 500 }], stripeMessage: "Your card has insufficient funds." },
  { after: "set_password", state: "accepted", problems: [{ kind: "empty" }], stripeMessage: "Your card was declined", rows: [{ row: 2, messages: ["x"] }, { row: 3, messages: ["y"] }] },
  { state: "unknown", status: "paid", invoiceNumber: null },
];
const reasons = Object.keys(WORDS) as (keyof Reasons)[];
const NOT_FOUND: NotFound[] = ["That record", "Card setup", "Dojo", "Family", "Fee", "Invitation", "Invoice", "Ledger entry", "Mail", "Member", "Order", "Payment", "Plan", "Plan change", "Product", "Refund", "Shop", "Staff member", "Subscription"];

/** Every failure the words know, with each variant of its details: reasons, not-found names, NOT_PAYABLE and INVALID_AMOUNT reasons. */
const everyFailure = (): [string, AppError][] => [
  ...reasons.flatMap((reason) => VARIANTS.map((v, i): [string, AppError] => [`${reason}#${i}`, new AppError("REFUSED", { ...sample, ...v, reason } as never)])),
  ...NOT_FOUND.map((what): [string, AppError] => [`not found: ${what}`, new NotFoundError(what)]),
  ...(["draft", "void", "paid", "collected_by_stripe", "other_currency"] as const).map((r): [string, AppError] => [`not payable: ${r}`, notPayable(r, { currency: "USD", expectedCurrency: "EUR", openMinor: 1250 })]),
  ...(["other_currency", "not_positive", "more_than_open"] as const).map((r): [string, AppError] => [`invalid amount: ${r}`, invalidAmount(r, { currency: "USD", expectedCurrency: "EUR", openMinor: 1250 })]),
];

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

describe("the words of a failure in the reader's language", () => {
  afterEach(() => vi.restoreAllMocks());
  const texts = ({ error, fieldErrors }: { error: string; fieldErrors?: Record<string, string[]> }) => [error, ...Object.values(fieldErrors ?? {}).flat()];

  it.each(LOCALES)("renders every failure in %s: no placeholder, no key path, no missing message", (locale) => {
    // next-intl reports a missing message or a broken placeholder through console.error and shows the key path.
    const reported = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const [name, error] of everyFailure()) {
      for (const text of texts(presentError(error, {}, locale))) {
        expect(text, name).not.toMatch(/[{}]|\berrors\.[a-z_]+\.|undefined|\[object/);
        if (locale === "en") expect(text, name).not.toMatch(/\bnull\b/);
        expect(text.trim(), name).not.toBe("");
      }
    }
    expect(reported).not.toHaveBeenCalled();
  });

  it.each(LOCALES.filter((l) => l !== "en"))("says nearly every failure in %s in other words than English", (locale) => {
    const failures = everyFailure();
    const same = failures.filter(([, error]) => presentError(error, {}, locale).error === presentError(error).error).map(([name]) => name);
    // Only the parsers' own problems (lib/money.ts) pass through as they are.
    expect(same.filter((name) => !/^(subscription_plan\.amount|subscription_plan\.signup_fee|subscription_fee\.amount)#/.test(name))).toEqual([]);
  });

  it("writes money and numbers as the reader does", () => {
    const open = invalidAmount("more_than_open", { openMinor: 123_456, expectedCurrency: "EUR" });
    expect(presentError(open).error).toBe("The amount is more than the €1,234.56 still open.");
    expect(presentError(open, {}, "nl").error).toBe("Het bedrag is meer dan de €\u00a01.234,56 die nog openstaat.");
    expect(presentError(open, {}, "de").error).toBe("Der Betrag ist höher als die noch offenen 1.234,56\u00a0€.");
    const refund = refused("refund.more_than_refundable", { refundableMinor: 2_500, currency: "EUR" });
    expect(presentError(refund, {}, "fr")).toEqual({ error: "Veuillez corriger les champs signalés.", fieldErrors: { amount: ["25,00\u00a0€ au plus peuvent encore être remboursés"] } });
    expect(presentError(refused("member_import.rows", { rows: [{ row: 2, messages: ["x"] }] }), {}, "nl").error).toMatch(/^1 regel bevat een fout: /);
    expect(presentError(refused("shop.too_many_orders_network", { retryAfterMs: 2 * 60 * 60_000 }), {}, "de").error).toBe("Zu viele Bestellungen aus Ihrem Netzwerk. Bitte versuchen Sie es in 2 Stunden erneut.");
  });
});
