import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { TEST_IBANS, control, newSecretKey, startWebhookReceiver, stripeClient, submitBankMethod } from "./test-support";

// Disputes (disputes.ts): Stripe's disputing test card and test IBAN, the dispute's states, the
// balance and the events (https://docs.stripe.com/testing#disputes, https://docs.stripe.com/disputes).

const receivers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function account(label: string) {
  const key = newSecretKey(label);
  const stripe = stripeClient(key);
  const receiver = await startWebhookReceiver();
  receivers.push(receiver);
  await stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ["charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed", "charge.dispute.funds_reinstated"] });
  const types = () => receiver.received.map((r) => r.event.type);
  return { key, stripe, receiver, types };
}

const balanceOf = async (stripe: Stripe) => (await stripe.balance.retrieve()).available.find((b) => b.currency === "eur")?.amount ?? 0;

async function disputedCardPayment(stripe: Stripe) {
  const pi = await stripe.paymentIntents.create({ amount: 5000, currency: "eur", payment_method: "pm_card_createDispute", confirm: true });
  expect(pi.status).toBe("succeeded");
  const [dispute] = (await stripe.disputes.list({ payment_intent: pi.id })).data;
  return { pi, dispute };
}

describe("disputes", () => {
  it("4000000000000259: the payment succeeds, then a fraudulent dispute needs a response and its money leaves the balance", async () => {
    const { stripe, receiver, types } = await account("disputecard");
    const before = await balanceOf(stripe);
    const { pi, dispute } = await disputedCardPayment(stripe);
    expect(dispute).toMatchObject({ object: "dispute", amount: 5000, currency: "eur", status: "needs_response", reason: "fraudulent", payment_intent: pi.id, charge: pi.latest_charge, is_charge_refundable: false });
    expect(dispute.evidence_details.due_by).toBeGreaterThan(dispute.created);
    expect(dispute.payment_method_details).toMatchObject({ type: "card", card: { brand: "visa", case_type: "chargeback" } });
    expect(await stripe.charges.retrieve(pi.latest_charge as string)).toMatchObject({ disputed: true });
    expect(dispute.balance_transactions[0]).toMatchObject({ type: "adjustment", reporting_category: "dispute", amount: -5000 });
    // The charge's net is in the balance, the disputed amount is out of it.
    const charge = await stripe.charges.retrieve(pi.latest_charge as string, { expand: ["balance_transaction"] });
    expect(await balanceOf(stripe)).toBe(before + (charge.balance_transaction as Stripe.BalanceTransaction).net - 5000);
    expect(await stripe.disputes.retrieve(dispute.id)).toMatchObject({ id: dispute.id, status: "needs_response" });
    await receiver.waitFor(() => types().includes("charge.dispute.created"));
    expect(receiver.received.find((r) => r.event.type === "charge.dispute.created")!.event.data.object).toMatchObject({ id: dispute.id, status: "needs_response" });
    // Other cards are not disputed.
    const visa = await stripe.paymentIntents.create({ amount: 1000, currency: "eur", payment_method: "pm_card_visa", confirm: true });
    expect((await stripe.disputes.list({ payment_intent: visa.id })).data).toEqual([]);
  });

  it("closing a card dispute loses it (charge.dispute.closed, status lost); a closed dispute cannot be closed again or given evidence", async () => {
    const { stripe, receiver, types } = await account("disputeclose");
    const { dispute } = await disputedCardPayment(stripe);
    const balance = await balanceOf(stripe);
    const closed = await stripe.disputes.close(dispute.id);
    expect(closed).toMatchObject({ status: "lost", evidence_details: { due_by: null } });
    expect(await balanceOf(stripe)).toBe(balance);
    await receiver.waitFor(() => types().includes("charge.dispute.closed"));
    const event = receiver.received.find((r) => r.event.type === "charge.dispute.closed")!.event;
    expect(event.data).toMatchObject({ object: { id: dispute.id, status: "lost" }, previous_attributes: { status: "needs_response" } });
    await expect(stripe.disputes.close(dispute.id)).rejects.toMatchObject({ type: "StripeInvalidRequestError", code: "dispute_already_closed" });
    await expect(stripe.disputes.update(dispute.id, { evidence: { uncategorized_text: "winning_evidence" } })).rejects.toMatchObject({ code: "dispute_already_closed" });
  });

  it("evidence decides in test mode: winning_evidence wins and gives the money back, losing_evidence loses", async () => {
    const { stripe, receiver, types } = await account("disputeevidence");
    const won = (await disputedCardPayment(stripe)).dispute;
    const balance = await balanceOf(stripe);
    expect(await stripe.disputes.update(won.id, { evidence: { uncategorized_text: "winning_evidence" } })).toMatchObject({ status: "won", evidence_details: { has_evidence: true, submission_count: 1 } });
    expect(await balanceOf(stripe)).toBe(balance + 5000);
    await receiver.waitFor(() => types().includes("charge.dispute.funds_reinstated"));

    const lost = (await disputedCardPayment(stripe)).dispute;
    expect(await stripe.disputes.update(lost.id, { evidence: { uncategorized_text: "losing_evidence" } })).toMatchObject({ status: "lost" });
    // Saved but not submitted: still open, waiting for more.
    const open = (await disputedCardPayment(stripe)).dispute;
    expect(await stripe.disputes.update(open.id, { evidence: { product_description: "Training fee" }, submit: false })).toMatchObject({ status: "needs_response", evidence: { product_description: "Training fee" }, evidence_details: { submission_count: 0 } });
    await receiver.waitFor(() => types().filter((t) => t === "charge.dispute.closed").length === 2);
  });

  it("the disputing SEPA test IBAN: the debit succeeds, then a dispute is created already lost (no appeal for SEPA)", async () => {
    const { key, stripe, receiver, types } = await account("disputesepa");
    const session = await stripe.checkout.sessions.create({ mode: "payment", line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: 4200, product_data: { name: "Fee" } } }], allowed_payment_method_types: ["sepa_debit"], success_url: "https://app.example/done" });
    await submitBankMethod(session.id, "sepa_debit", { iban: TEST_IBANS.disputed, email: "a@example.test" });
    const piId = (await stripe.checkout.sessions.retrieve(session.id)).payment_intent as string;
    expect((await stripe.disputes.list({ payment_intent: piId })).data).toEqual([]);
    await control("debits/settle", { apiKey: key });
    const [dispute] = (await stripe.disputes.list({ payment_intent: piId })).data;
    expect(dispute).toMatchObject({ amount: 4200, currency: "eur", status: "lost", evidence_details: { due_by: null } });
    expect(dispute.payment_method_details).toBeUndefined();
    await receiver.waitFor(() => types().includes("charge.dispute.created"));
    await expect(stripe.disputes.close(dispute.id)).rejects.toMatchObject({ code: "dispute_already_closed" });
  });
});
