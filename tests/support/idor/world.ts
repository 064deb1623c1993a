import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { addLedgerEntry } from "@/app/(staff)/ledger/actions";
import { inviteStaffMember } from "@/app/(staff)/settings/staff/actions";
import { openMemberCheckoutAction } from "@/app/portal/(member)/card-actions";
import { dojoWithStripe, openInvoiceFor, paidCardInvoice, sessionIdOf } from "../card-payment";
import { actAs, createMember, createStaff, signInAsMember } from "../factories";
import { createTestInvoice } from "../invoice-factory";
import { createProduct, openShop } from "../shop";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { setMembersMayPause } from "@/lib/subscriptions/plans";
import { invoices, jobs, memberSubscriptions } from "@/db/schema";
import { recordChangeRequest } from "@/lib/account-plans/change-requests";
import { liveCardLink } from "@/lib/card-links/live-card-link";
import { unsubscribeToken } from "@/lib/mail/unsubscribe";
import { openSubscribeCheckout } from "@/lib/account-plans/checkout";
import { portalInvitationToken } from "@/lib/portal/invitation";
import { placeOrder } from "@/lib/shop/place-order";
import { queueCampaign } from "@/lib/campaigns/queue-campaign";
import { openCardSetup } from "@/lib/subscriptions/card-setup";
import { createFamily } from "@/lib/families/write";
import { createPlan } from "@/lib/subscriptions/plans";
import { ensureStripeCustomer } from "@/lib/subscriptions/stripe-customer";

/**
 * Two dojos with Stripe connected and one of each kind of record. Dojo B's records are what
 * the attacker names; dojo A is the attacker's own (owner A, members M1 and M2). Built once per
 * test file: every attempt is refused, so nothing here changes between attempts.
 */
export async function buildIdorWorld() {
  const b = await dojoWithStripe();
  const bStaff = await createStaff(b.dojo.id, "staff");
  const invited = await inviteStaffMember({
    name: "Bo Invited",
    email: `bo-${randomUUID()}@example.test`,
    role: "staff",
  });
  if (!invited.ok) throw new Error(invited.error);
  const invitationToken = invited.data.url.slice(invited.data.url.lastIndexOf("/") + 1);
  const { member: bMember, invoice: bOpen } = await openInvoiceFor(b.dojo);
  const bDraft = await createTestInvoice(b.dojo, bMember.id);
  const bInactive = await createMember(b.dojo.id, {
    firstName: "Ina",
    lastName: "Inactive",
    status: "inactive",
  });
  const bPaid = await paidCardInvoice(b.dojo);
  const entry = await addLedgerEntry({
    kind: "cost",
    date: "2026-03-01",
    category: "Rent",
    description: "Dojo B rent",
    amount: "100.00",
  });
  if (!entry.ok) throw new Error(entry.error);

  const a = await dojoWithStripe();
  const { member: m1, invoice: m1Open } = await openInvoiceFor(a.dojo);
  const { member: m2, invoice: m2Open } = await openInvoiceFor(a.dojo);
  const aDraft = await createTestInvoice(a.dojo, m1.id);
  signInAsMember(m2);
  const m2Checkout = await openMemberCheckoutAction({ invoiceId: m2Open.id });
  if (!m2Checkout.ok) throw new Error(m2Checkout.error);
  actAs(null);

  // Subscriptions, card links, shop, mail tokens and platform billing of dojo B.
  const db = await getDb();
  const bCustomerId = await ensureStripeCustomer(db, b.stripe, b.dojo.id, bMember.id);
  // Paid by a contact, so none of dojo B's members changes who pays for them.
  const aFamily = await createFamily(db, a.dojo.id, { name: "A Family", payer: { kind: "contact", name: "A Payer", email: "a-payer@example.test" } });
  const bFamily = await createFamily(db, b.dojo.id, { name: "B Family", payer: { kind: "contact", name: "B Payer", email: "b-payer@example.test" } });
  const bPlan = await createPlan(db, b.stripe, { dojoId: b.dojo.id, currency: b.dojo.currency, name: "B Monthly", amount: "30.00", interval: "month", intervalCount: 1, attempt: randomUUID() });
  const [bSubscription] = await db
    .insert(memberSubscriptions)
    .values({ dojoId: b.dojo.id, memberId: bMember.id, planId: bPlan.id, stripeSubscriptionId: `sub_idor_${randomUUID().slice(0, 8)}`, status: "active", currency: b.dojo.currency })
    .returning();
  await db
    .update(invoices)
    .set({ stripeInvoiceId: `in_idor_${randomUUID().slice(0, 8)}` })
    .where(eq(invoices.id, bOpen.id));
  const bCardLinkToken = tokenOf((await liveCardLink(db, b.dojo.id, bMember.id)).url);
  const bSetup = await openCardSetup(db, b.stripe, { dojoId: b.dojo.id, payer: bMember.id, connection: { publishableKey: "pk_test_x", currency: "EUR" }, returnPath: "/" });
  await openShop(b.dojo.id, { cardPayments: false });
  const bProduct = await createProduct(b.dojo, { name: "B secret gi" });
  const bOrder = await placeOrder(
    db,
    b.dojo,
    { name: "Bob Buyer", email: "bob-buyer@example.test", phone: "+49 123 4567", payment: "at_dojo", items: [{ productId: bProduct.id, quantity: 1 }] },
    null,
    "198.51.100.201",
  );
  const bPlanCheckout = await openSubscribeCheckout(db, b.dojo, { plan: "pro", interval: "month" });
  const bPlanChange = await recordChangeRequest(db, { dojoId: b.dojo.id, kind: "upgrade", plan: "ultimate", stripeSubscriptionId: `sub_idor_${randomUUID().slice(0, 8)}` });
  const bCampaign = await db.transaction((tx) => queueCampaign(tx, { dojoId: b.dojo.id, userId: b.owner.id }, { subject: "B secret campaign", body: "Hello", recipients: { kind: "all" } }));

  // Dojo A's side of the same: M1 has a customer already (so refusals write nothing), M2 a setup session and a subscription invoice.
  await ensureStripeCustomer(db, a.stripe, a.dojo.id, m1.id);
  await ensureStripeCustomer(db, a.stripe, a.dojo.id, m2.id);
  await db
    .update(invoices)
    .set({ stripeInvoiceId: `in_idor_${randomUUID().slice(0, 8)}` })
    .where(eq(invoices.id, m2Open.id));
  const m2Setup = await openCardSetup(db, a.stripe, { dojoId: a.dojo.id, payer: m2.id, connection: { publishableKey: "pk_test_x", currency: "EUR" }, returnPath: "/" });
  const m1CardLinkToken = tokenOf((await liveCardLink(db, a.dojo.id, m1.id)).url);
  await openShop(a.dojo.id, { cardPayments: false });
  // Members of dojo A may pause their own subscriptions: a refusal of dojo B's is then the ownership check's.
  await setMembersMayPause(db, a.dojo.id, true);
  const aProduct = await createProduct(a.dojo, { name: "A own gi" });
  const aOrder = await placeOrder(
    db,
    a.dojo,
    { name: "Ann Buyer", email: "ann-buyer@example.test", phone: "+49 123 9999", payment: "at_dojo", items: [{ productId: aProduct.id, quantity: 1 }] },
    null,
    "198.51.100.202",
  );

  // A mail of dojo B that Resend refused: its dashboard lists it with "Send again".
  const [bFailedMail] = await db
    .insert(jobs)
    .values({ kind: "mail.invoice-issued", payload: { invoiceId: bOpen.id }, dojoId: b.dojo.id, status: "failed", attempts: 1, lastError: "validation_error (422): Invalid `to` field.", finishedAt: new Date() })
    .returning();

  const world = {
    a: {
      dojo: a.dojo,
      owner: a.owner,
      stripe: a.stripe,
      m1,
      m2,
      m1Open,
      m2Open,
      m2SessionId: sessionIdOf(m2Checkout.data.clientSecret),
      draft: aDraft,
      m2SetupSessionId: m2Setup.sessionId,
      m1CardLinkToken,
      product: aProduct,
      order: aOrder,
      family: aFamily,
    },
    b: {
      dojo: b.dojo,
      owner: b.owner,
      staff: bStaff,
      invitationId: invited.data.invitationId,
      invitationToken,
      member: bMember,
      inactiveMember: bInactive,
      open: bOpen,
      draft: bDraft,
      paid: bPaid.invoice,
      payment: bPaid.payment,
      sessionId: bPaid.sessionId,
      entryId: entry.data.id,
      customerId: bCustomerId,
      plan: bPlan,
      family: bFamily,
      subscription: bSubscription,
      cardLinkToken: bCardLinkToken,
      setupSessionId: bSetup.sessionId,
      product: bProduct,
      order: bOrder,
      planSessionId: sessionIdOf(bPlanCheckout.clientSecret),
      planChangeId: bPlanChange.id,
      portalInvitationToken: portalInvitationToken(bMember).token,
      unsubscribeToken: unsubscribeToken(bMember.id),
      campaign: bCampaign,
      failedMailId: bFailedMail.id,
    },
    signInOwnerA: a.signInOwner,
    signInM1: () => signInAsMember(m1),
  };
  expect(world.b.payment.stripePaymentIntentId).toMatch(/^pi_/);
  return world;
}

const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

export type IdorWorld = Awaited<ReturnType<typeof buildIdorWorld>>;

/** Every id and name of dojo B's records: none of them may appear in what dojo A is answered. */
export function foreignMarkers(w: IdorWorld): string[] {
  const { b } = w;
  return [
    b.dojo.id,
    b.dojo.name,
    b.owner.id,
    b.owner.email,
    b.staff.id,
    b.staff.email,
    b.invitationId,
    b.failedMailId,
    b.member.id,
    b.member.lastName,
    b.member.uid,
    b.inactiveMember.id,
    b.inactiveMember.uid,
    b.open.id,
    b.draft.id,
    b.paid.id,
    b.payment.id,
    b.payment.stripePaymentIntentId!,
    b.sessionId,
    b.entryId,
    b.customerId,
    b.plan.id,
    b.plan.name,
    b.family.id,
    b.subscription.id,
    b.setupSessionId,
    b.product.id,
    b.product.name,
    b.order.id,
    b.order.buyerEmail,
    b.planSessionId,
    b.planChangeId,
    b.campaign.id,
    b.campaign.subject,
  ];
}
