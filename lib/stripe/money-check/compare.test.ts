import { describe, expect, it } from "vitest";
import { compareMoney, type MoneyFacts, type StripeChargeFact, type TatamiPaymentFact } from "./compare";

const T = 1_780_000_000;
const charge = (pi: string, captured: number, over: Partial<StripeChargeFact> = {}): StripeChargeFact => ({
  paymentIntentId: pi,
  currency: "EUR",
  capturedMinor: captured,
  netMinor: captured,
  created: T,
  ours: true,
  identifiable: true,
  invoiceId: null,
  ...over,
});
const payment = (pi: string, amount: number): TatamiPaymentFact => ({ paymentIntentId: pi, amountMinor: amount, currency: "EUR", invoiceId: `inv-${pi}`, invoiceNumber: "2026-0001", paidAt: new Date(T * 1000) });
const facts = (f: Partial<MoneyFacts>): MoneyFacts => ({ charges: [], refunds: [], payments: [], tatamiRefunds: [], automaticRefunds: [], ...f });
const kinds = (f: MoneyFacts) => compareMoney(f).map((d) => [d.kind, d.stripeId, d.stripeMinor, d.tatamiMinor, d.actions]);

describe("compareMoney", () => {
  it("agrees when every captured payment is recorded and every refund booked", () => {
    expect(
      compareMoney(
        facts({
          charges: [charge("pi_a", 5000, { netMinor: 3000 })],
          refunds: [{ id: "re_1", paymentIntentId: "pi_a", amountMinor: 2000, currency: "eur", status: "succeeded", created: T + 10 }],
          payments: [payment("pi_a", 5000)],
          tatamiRefunds: [{ stripeRefundId: "re_1", paymentIntentId: "pi_a", amountMinor: 2000, currency: "EUR", failed: false, createdAt: new Date() }],
        }),
      ),
    ).toEqual([]);
  });

  it("lists a captured charge nobody recorded, with record and refund when Tatami knows what it pays, refund only otherwise", () => {
    expect(kinds(facts({ charges: [charge("pi_a", 5000), charge("pi_b", 700, { identifiable: false })] }))).toEqual([
      ["charge_not_recorded", "pi_a", 5000, null, ["record", "refund"]],
      ["charge_not_recorded", "pi_b", 700, null, ["refund"]],
    ]);
  });

  it("leaves out charges that are not Tatami's and unrecorded charges refunded in full", () => {
    expect(kinds(facts({ charges: [charge("pi_x", 5000, { ours: false }), charge("pi_y", 5000, { netMinor: 0 })] }))).toEqual([]);
  });

  it("lists a recorded payment Stripe does not have", () => {
    expect(kinds(facts({ payments: [payment("pi_gone", 5000)] }))).toEqual([["charge_not_at_stripe", "pi_gone", null, 5000, []]]);
  });

  it("an automatic refund explains no gap: paid twice, the second refunded automatically, agrees", () => {
    const f = facts({
      charges: [charge("pi_a", 5000), charge("pi_b", 5000, { netMinor: 0 }), charge("pi_c", 8000, { netMinor: 5000 })],
      refunds: [
        { id: "re_b", paymentIntentId: "pi_b", amountMinor: 5000, currency: "eur", status: "succeeded", created: T + 5 },
        { id: "re_c", paymentIntentId: "pi_c", amountMinor: 3000, currency: "eur", status: "succeeded", created: T + 5 },
      ],
      payments: [payment("pi_a", 5000), payment("pi_c", 5000)],
      automaticRefunds: [
        { paymentIntentId: "pi_b", stripeRefundId: "re_b", status: "refunded" },
        { paymentIntentId: "pi_c", stripeRefundId: "re_c", status: "refunded" },
      ],
    });
    expect(kinds(f)).toEqual([]);
    // Even when something else is off on that payment, the automatic refund is never offered for booking.
    const off = { ...f, refunds: [...f.refunds, { id: "re_x", paymentIntentId: "pi_c", amountMinor: 1000, currency: "eur", status: "succeeded", created: T + 9 }], charges: [charge("pi_a", 5000), charge("pi_c", 8000, { netMinor: 4000 })] };
    expect(kinds(off)).toEqual([["refund_not_recorded", "re_x", 1000, null, ["record"]]]);
  });

  it("does not judge a payment while its automatic refund is still being made (no second refund offered)", () => {
    const f = facts({
      charges: [charge("pi_void", 5000), charge("pi_over", 8000)],
      payments: [payment("pi_over", 5000)],
      automaticRefunds: [
        { paymentIntentId: "pi_void", stripeRefundId: null, status: "pending" },
        { paymentIntentId: "pi_over", stripeRefundId: null, status: "pending" },
      ],
    });
    expect(kinds(f)).toEqual([]);
    // Once Stripe refused it for good, the money is stranded and listed with the refund action.
    expect(kinds({ ...f, automaticRefunds: [{ paymentIntentId: "pi_void", stripeRefundId: null, status: "failed" }], payments: [], charges: [charge("pi_void", 5000)] })).toEqual([["charge_not_recorded", "pi_void", 5000, null, ["record", "refund"]]]);
  });

  it("lists a refund made at Stripe that Tatami did not book, to record", () => {
    const f = facts({
      charges: [charge("pi_a", 5000, { netMinor: 4000 })],
      refunds: [{ id: "re_1", paymentIntentId: "pi_a", amountMinor: 1000, currency: "eur", status: "succeeded", created: T + 5 }],
      payments: [payment("pi_a", 5000)],
    });
    expect(kinds(f)).toEqual([["refund_not_recorded", "re_1", 1000, null, ["record"]]]);
  });

  it("lists a booked refund that failed at Stripe (record books the failure) and one Stripe never had (by hand)", () => {
    const f = facts({
      charges: [charge("pi_a", 5000)],
      refunds: [{ id: "re_f", paymentIntentId: "pi_a", amountMinor: 2000, currency: "eur", status: "failed", created: T + 5 }],
      payments: [payment("pi_a", 5000)],
      tatamiRefunds: [
        { stripeRefundId: "re_f", paymentIntentId: "pi_a", amountMinor: 2000, currency: "EUR", failed: false, createdAt: new Date((T + 5) * 1000) },
        { stripeRefundId: "re_ghost", paymentIntentId: "pi_a", amountMinor: 500, currency: "EUR", failed: false, createdAt: new Date((T + 6) * 1000) },
      ],
    });
    expect(kinds(f)).toEqual([
      ["refund_not_at_stripe", "re_ghost", null, 500, []],
      ["refund_not_at_stripe", "re_f", null, 2000, ["record"]],
    ]);
  });

  it("a refund booked back as failed agrees with Stripe's failed refund", () => {
    const f = facts({
      charges: [charge("pi_a", 5000)],
      refunds: [{ id: "re_f", paymentIntentId: "pi_a", amountMinor: 2000, currency: "eur", status: "failed", created: T + 5 }],
      payments: [payment("pi_a", 5000)],
      tatamiRefunds: [{ stripeRefundId: "re_f", paymentIntentId: "pi_a", amountMinor: 2000, currency: "EUR", failed: true, createdAt: new Date() }],
    });
    expect(compareMoney(f)).toEqual([]);
  });

  it("lists differing amounts of a payment and of a refund", () => {
    const f = facts({
      charges: [charge("pi_a", 5000), charge("pi_b", 3000, { netMinor: 2000 })],
      refunds: [{ id: "re_b", paymentIntentId: "pi_b", amountMinor: 1000, currency: "eur", status: "succeeded", created: T + 5 }],
      payments: [payment("pi_a", 4000), payment("pi_b", 3000)],
      tatamiRefunds: [{ stripeRefundId: "re_b", paymentIntentId: "pi_b", amountMinor: 800, currency: "EUR", failed: false, createdAt: new Date() }],
    });
    expect(kinds(f)).toEqual([
      ["amount_differs", "re_b", 1000, 800, []],
      ["amount_differs", "pi_a", 5000, 4000, []],
    ]);
  });

  it("agrees when Stripe kept less than it captured and Tatami recorded exactly what it kept (the excess refunded)", () => {
    // Recorded up to the open amount, the rest refunded automatically and not booked against the invoice.
    expect(compareMoney(facts({ charges: [charge("pi_a", 10000, { netMinor: 5000 })], payments: [payment("pi_a", 5000)] }))).toEqual([]);
  });
});
