import { randomBytes, randomUUID } from "node:crypto";
import type { ActionResult } from "@/lib/action-result";
import { chargeSavedCardAction, confirmInvoiceCheckoutAction, confirmSavedCardAction, openInvoiceCheckoutAction } from "@/app/(staff)/invoices/[id]/card-actions";
import { refundCardPaymentAction } from "@/app/(staff)/invoices/[id]/refund-actions";
import { createInvoiceAction, issueInvoiceAction, recordPaymentAction, searchMembersAction, updateInvoiceAction, voidInvoiceAction } from "@/app/(staff)/invoices/actions";
import { addLedgerEntry, correctEntry } from "@/app/(staff)/ledger/actions";
import { addMember, deactivateMember, editMember, reactivateMember, setPortalPassword } from "@/app/(staff)/members/actions";
import { changeName } from "@/app/(staff)/account/actions";
import { changeRole, inviteStaffMember, revokeStaffInvitation, setActive } from "@/app/(staff)/settings/staff/actions";
import { reconcileStripe } from "@/app/(staff)/settings/stripe/actions";
import { acceptStaffInvitation } from "@/app/invite/[token]/actions";
import { confirmMemberCheckoutAction, openMemberCheckoutAction } from "@/app/portal/(member)/card-actions";
import { invoiceValues } from "../invoice-factory";
import type { IdorWorld } from "./world";

export type Actor = "ownerA" | "m1" | "anonymous";

export interface Attempt {
  name: string;
  actor: Actor;
  call: (w: IdorWorld) => Promise<ActionResult<unknown>>;
  /**
   * refused (the default): `{ ok: false }` with a not-found error (or `error`), or, when the
   * foreign id is a form field, an error on that `field` alone; nothing written in either dojo.
   * ignored: the action takes no record id; ids of dojo B smuggled into its input change
   * nothing of dojo B and none of B's data comes back.
   */
  expect?: "refused" | "ignored";
  error?: RegExp;
  field?: string;
}

/** Either the attempts that name another dojo's (or member's) records, or why there are none. */
export type MatrixEntry = { attempts: Attempt[] } | { na: string };

const staff = (name: string, call: Attempt["call"], extra: Partial<Attempt> = {}): Attempt => ({ name, actor: "ownerA", call, ...extra });
const member = (name: string, call: Attempt["call"], extra: Partial<Attempt> = {}): Attempt => ({ name, actor: "m1", call, ...extra });
/** An input with dojo B's ids added to it: the schema must drop them, the session decides. */
const smuggled = <T extends object>(input: T, w: IdorWorld) =>
  ({
    ...input,
    dojoId: w.b.dojo.id,
    memberId: w.b.member.id,
    staffId: w.b.owner.id,
    id: w.b.member.id,
  }) as never;

const tampered = (token: string) => token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");

/**
 * One entry per server action, keyed `<file>#<export>`. The completeness test fails when a
 * "use server" export has no entry here: a new action comes with its tenancy check.
 */
export const ACTION_MATRIX: Record<string, MatrixEntry> = {
  "app/(auth)/login/actions.ts#logIn": {
    na: "public staff log-in: an e-mail and a password, no record id",
  },
  "app/(auth)/signup/actions.ts#signUp": {
    na: "public sign-up: creates a new dojo from the form, no record id",
  },
  "app/portal/(public)/login/actions.ts#logInMember": {
    na: "public member log-in: a UID and a password, no record id",
  },
  "app/(staff)/actions.ts#logOut": {
    na: "no input: ends the signed-in account's own sessions",
  },
  "app/portal/(member)/actions.ts#logOutMember": {
    na: "no input: ends the signed-in member's own sessions",
  },
  "app/(staff)/account/actions.ts#changePassword": {
    na: "changes the signed-in account's own password (and ends its sessions); no record id",
  },
  "app/(staff)/settings/stripe/actions.ts#connectStripeAccount": {
    na: "takes the owner's own Stripe keys; the connection is always the session's dojo's",
  },
  "app/(staff)/settings/stripe/actions.ts#disconnectStripeAccount": {
    na: "empty input: disconnects the session's dojo",
  },

  "app/invite/[token]/actions.ts#acceptStaffInvitation": {
    attempts: [
      {
        name: "a tampered invitation token of dojo B",
        actor: "anonymous",
        error: /invitation link is not valid/,
        call: (w) =>
          acceptStaffInvitation({
            token: tampered(w.b.invitationToken),
            name: "Mallory",
            password: "attacker password",
          }),
      },
      {
        name: "an invented token",
        actor: "anonymous",
        error: /invitation link is not valid/,
        call: () =>
          acceptStaffInvitation({
            token: randomBytes(32).toString("base64url"),
            name: "Mallory",
            password: "attacker password",
          }),
      },
      {
        name: "dojo A's owner with a tampered token of dojo B",
        actor: "ownerA",
        error: /invitation link is not valid/,
        call: (w) =>
          acceptStaffInvitation({
            token: tampered(w.b.invitationToken),
            name: "Mallory",
            password: "attacker password",
          }),
      },
    ],
  },

  "app/(staff)/members/actions.ts#addMember": {
    attempts: [staff("smuggled dojo B ids are ignored", (w) => addMember(smuggled({ firstName: "Smuggled", lastName: "Member" }, w)), { expect: "ignored" })],
  },
  "app/(staff)/members/actions.ts#editMember": {
    attempts: [
      staff("dojo B's member", (w) =>
        editMember({
          id: w.b.member.id,
          firstName: "Hacked",
          lastName: "Name",
          email: "hacked@example.test",
        }),
      ),
    ],
  },
  "app/(staff)/members/actions.ts#deactivateMember": {
    attempts: [staff("dojo B's member", (w) => deactivateMember({ id: w.b.member.id }))],
  },
  "app/(staff)/members/actions.ts#reactivateMember": {
    attempts: [staff("dojo B's inactive member", (w) => reactivateMember({ id: w.b.inactiveMember.id }))],
  },
  "app/(staff)/members/actions.ts#setPortalPassword": {
    attempts: [staff("dojo B's member", (w) => setPortalPassword({ id: w.b.member.id, password: "attacker password" }))],
  },

  "app/(staff)/invoices/actions.ts#createInvoiceAction": {
    attempts: [staff("for dojo B's member", (w) => createInvoiceAction(invoiceValues(w.b.member.id)), { field: "memberId" })],
  },
  "app/(staff)/invoices/actions.ts#updateInvoiceAction": {
    attempts: [
      staff("dojo B's draft", (w) => updateInvoiceAction({ id: w.b.draft.id, ...invoiceValues(w.a.m1.id) })),
      staff(
        "own draft moved to dojo B's member",
        (w) =>
          updateInvoiceAction({
            id: w.a.draft.id,
            ...invoiceValues(w.b.member.id),
          }),
        { field: "memberId" },
      ),
    ],
  },
  "app/(staff)/invoices/actions.ts#issueInvoiceAction": {
    attempts: [staff("dojo B's draft", (w) => issueInvoiceAction({ id: w.b.draft.id }))],
  },
  "app/(staff)/invoices/actions.ts#voidInvoiceAction": {
    attempts: [staff("dojo B's open invoice", (w) => voidInvoiceAction({ id: w.b.open.id, reason: "Mine now" }))],
  },
  "app/(staff)/invoices/actions.ts#recordPaymentAction": {
    attempts: [
      staff("on dojo B's open invoice", (w) =>
        recordPaymentAction({
          invoiceId: w.b.open.id,
          method: "cash",
          amount: "1.00",
          paidOn: "2026-03-02",
        }),
      ),
    ],
  },
  "app/(staff)/invoices/actions.ts#searchMembersAction": {
    attempts: [
      staff("by dojo B's member's name", (w) => searchMembersAction({ q: w.b.member.lastName }), { expect: "ignored" }),
      staff("by dojo B's member's UID", (w) => searchMembersAction({ q: w.b.member.uid }), { expect: "ignored" }),
    ],
  },

  "app/(staff)/invoices/[id]/card-actions.ts#openInvoiceCheckoutAction": {
    attempts: [staff("for dojo B's open invoice", (w) => openInvoiceCheckoutAction({ invoiceId: w.b.open.id }))],
  },
  "app/(staff)/invoices/[id]/card-actions.ts#confirmInvoiceCheckoutAction": {
    attempts: [staff("dojo B's paid Checkout Session", (w) => confirmInvoiceCheckoutAction({ sessionId: w.b.sessionId }))],
  },
  "app/(staff)/invoices/[id]/card-actions.ts#chargeSavedCardAction": {
    attempts: [staff("for dojo B's open invoice", (w) => chargeSavedCardAction({ invoiceId: w.b.open.id }))],
  },
  "app/(staff)/invoices/[id]/card-actions.ts#confirmSavedCardAction": {
    attempts: [
      staff("dojo B's PaymentIntent", (w) =>
        confirmSavedCardAction({
          paymentIntentId: w.b.payment.stripePaymentIntentId!,
        }),
      ),
    ],
  },
  "app/(staff)/invoices/[id]/refund-actions.ts#refundCardPaymentAction": {
    attempts: [
      staff("dojo B's card payment", (w) =>
        refundCardPaymentAction({
          paymentId: w.b.payment.id,
          amount: "1.00",
          reason: "Mine now",
          nonce: randomUUID(),
        }),
      ),
    ],
  },

  "app/(staff)/ledger/actions.ts#addLedgerEntry": {
    attempts: [
      staff(
        "smuggled dojo B ids are ignored",
        (w) =>
          addLedgerEntry(
            smuggled(
              {
                kind: "cost",
                date: "2026-03-01",
                category: "Rent",
                description: "Smuggled",
                amount: "1.00",
              },
              w,
            ),
          ),
        { expect: "ignored" },
      ),
    ],
  },
  "app/(staff)/ledger/actions.ts#correctEntry": {
    attempts: [staff("dojo B's entry", (w) => correctEntry({ entryId: w.b.entryId, reason: "Mine now" }))],
  },

  "app/(staff)/account/actions.ts#changeName": {
    attempts: [staff("smuggled dojo B ids are ignored", (w) => changeName(smuggled({ name: "Renamed Owner" }, w)), { expect: "ignored" })],
  },

  "app/(staff)/settings/staff/actions.ts#inviteStaffMember": {
    attempts: [
      staff(
        "smuggled dojo B ids are ignored",
        (w) =>
          inviteStaffMember(
            smuggled(
              {
                name: "New Staff",
                email: `new-${randomUUID()}@example.test`,
                role: "staff",
              },
              w,
            ),
          ),
        { expect: "ignored" },
      ),
    ],
  },
  "app/(staff)/settings/staff/actions.ts#revokeStaffInvitation": {
    attempts: [staff("dojo B's invitation", (w) => revokeStaffInvitation({ invitationId: w.b.invitationId }))],
  },
  "app/(staff)/settings/staff/actions.ts#changeRole": {
    attempts: [
      staff("dojo B's staff made owner", (w) => changeRole({ staffId: w.b.staff.id, role: "owner" })),
      staff("dojo B's owner demoted", (w) => changeRole({ staffId: w.b.owner.id, role: "staff" })),
    ],
  },
  "app/(staff)/settings/staff/actions.ts#setActive": {
    attempts: [
      staff("dojo B's staff deactivated", (w) => setActive({ staffId: w.b.staff.id, active: false })),
      staff("dojo B's owner deactivated", (w) => setActive({ staffId: w.b.owner.id, active: false })),
    ],
  },

  "app/(staff)/settings/stripe/actions.ts#reconcileStripe": {
    attempts: [staff("smuggled dojo B ids are ignored", (w) => reconcileStripe(smuggled({ days: 1 }, w)), { expect: "ignored" })],
  },

  "app/portal/(member)/card-actions.ts#openMemberCheckoutAction": {
    attempts: [
      member("for member M2's invoice", (w) => openMemberCheckoutAction({ invoiceId: w.a.m2Open.id })),
      member("for dojo B's invoice", (w) => openMemberCheckoutAction({ invoiceId: w.b.open.id })),
    ],
  },
  "app/portal/(member)/card-actions.ts#confirmMemberCheckoutAction": {
    attempts: [
      member("member M2's Checkout Session", (w) => confirmMemberCheckoutAction({ sessionId: w.a.m2SessionId })),
      member("dojo B's paid Checkout Session", (w) => confirmMemberCheckoutAction({ sessionId: w.b.sessionId })),
    ],
  },
};
