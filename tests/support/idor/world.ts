import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { addLedgerEntry } from "@/app/(staff)/ledger/actions";
import { inviteStaffMember } from "@/app/(staff)/settings/staff/actions";
import { openMemberCheckoutAction } from "@/app/portal/(member)/card-actions";
import { dojoWithStripe, openInvoiceFor, paidCardInvoice, sessionIdOf } from "../card-payment";
import { actAs, createMember, createStaff, signInAsMember } from "../factories";
import { createTestInvoice } from "../invoice-factory";

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
    },
    signInOwnerA: a.signInOwner,
    signInM1: () => signInAsMember(m1),
  };
  expect(world.b.payment.stripePaymentIntentId).toMatch(/^pi_/);
  return world;
}

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
  ];
}
