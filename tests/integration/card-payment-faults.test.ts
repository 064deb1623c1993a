import { describe, expect, it } from "vitest";
import { openInvoiceCheckoutAction } from "@/app/(staff)/invoices/[id]/card-actions";
import { control } from "@tatami/stripe-emulator/test-support";
import { dojoWithStripe, openInvoiceFor, paymentState } from "../support/card-payment";

const SESSIONS = "/v1/checkout/sessions";

// Faults are scoped to the test's own account key, so parallel test files are not disturbed.
const fault = (apiKey: string, rule: { count: number; kind?: "error" | "hang"; hangMs?: number; status?: number }) => control("faults", { method: "POST", path: SESSIONS, apiKey, ...rule });

describe("Stripe failing while a checkout is opened", () => {
  it("a 500 is retried with the same idempotency key and opens exactly one session", async () => {
    const { dojo, stripe, secretKey } = await dojoWithStripe();
    const { invoice } = await openInvoiceFor(dojo);
    await fault(secretKey, { count: 1 });
    expect(await openInvoiceCheckoutAction({ invoiceId: invoice.id })).toMatchObject({ ok: true });
    const sessions = (await stripe.checkout.sessions.list()).data;
    expect(sessions).toHaveLength(1);
    const [row] = (await paymentState(invoice.id)).checkouts;
    expect(row.stripeSessionId).toBe(sessions[0].id);
  });

  it("Stripe down for good: a clear error, the invoice unchanged, nothing left behind", async () => {
    const { dojo, stripe, secretKey } = await dojoWithStripe();
    const { invoice } = await openInvoiceFor(dojo);
    // The client tries three times (maxNetworkRetries: 2).
    await fault(secretKey, { count: 3, status: 503 });
    const result = await openInvoiceCheckoutAction({ invoiceId: invoice.id });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^Stripe could not be reached or had a problem\. Nothing was charged and the invoice is still open/) });
    const state = await paymentState(invoice.id);
    expect(state.invoice).toMatchObject({ status: "open", paidMinor: 0 });
    expect(state.checkouts).toEqual([]);
    expect((await stripe.checkout.sessions.list()).data).toEqual([]);
    expect((await control<{ data: unknown[] }>("faults")).data.filter((r) => (r as { apiKey?: string }).apiKey === secretKey)).toEqual([]);
  });

  it("a request that times out is retried with the same idempotency key: one session", { timeout: 90_000 }, async () => {
    const { dojo, stripe, secretKey } = await dojoWithStripe();
    const { invoice } = await openInvoiceFor(dojo);
    // Longer than the client's 20 s timeout, so the SDK gives up on it and retries.
    await fault(secretKey, { count: 1, kind: "hang", hangMs: 25_000 });
    expect(await openInvoiceCheckoutAction({ invoiceId: invoice.id })).toMatchObject({ ok: true });
    expect((await stripe.checkout.sessions.list()).data).toHaveLength(1);
    expect((await paymentState(invoice.id)).checkouts).toHaveLength(1);
  });
});
