import { randomBytes, randomUUID } from "node:crypto";
import type { ActionResult } from "@/lib/action-result";
import { chargeSavedCardAction, confirmInvoiceCheckoutAction, confirmSavedCardAction, openInvoiceCheckoutAction } from "@/app/(staff)/invoices/[id]/card-actions";
import { refundCardPaymentAction } from "@/app/(staff)/invoices/[id]/refund-actions";
import { createInvoiceAction, issueInvoiceAction, recordPaymentAction, searchMembersAction, updateInvoiceAction, voidInvoiceAction } from "@/app/(staff)/invoices/actions";
import { addLedgerEntry, correctEntry } from "@/app/(staff)/ledger/actions";
import { addMember, deactivateMember, editMember, reactivateMember, setPortalPassword } from "@/app/(staff)/members/actions";
import { importMembersAction, previewMemberImportAction } from "@/app/(staff)/members/import/actions";
import { changeLanguage, changeName } from "@/app/(staff)/account/actions";
import { changeRole, inviteStaffMember, revokeStaffInvitation, setActive } from "@/app/(staff)/settings/staff/actions";
import { reconcileStripe } from "@/app/(staff)/settings/stripe/actions";
import { recordDifferenceAction, refundDifferenceAction } from "@/app/(staff)/settings/stripe/money-check-actions";
import { acceptStaffInvitation } from "@/app/invite/[token]/actions";
import { setMyLanguageAction } from "@/app/portal/(member)/actions";
import { confirmMemberCheckoutAction, confirmSavedCardPaymentAction, openMemberCheckoutAction, payWithSavedCardAction } from "@/app/portal/(member)/card-actions";
import { countRecipientsAction, previewCampaignAction, sendCampaignAction, testSendCampaignAction } from "@/app/(staff)/campaigns/actions";
import { sendPortalInvitationAction } from "@/app/(staff)/members/[id]/invitation-actions";
import { sendMailAgainAction } from "@/app/(staff)/dashboard/actions";
import {
  cancelSubscriptionAction,
  completeCardSetupAction,
  copyCardLinkAction,
  createCustomerAction,
  makeDefaultCardAction,
  newCardLinkAction,
  openCardSetupAction,
  addSubscriptionFeeAction,
  pauseSubscriptionAction,
  removeSubscriptionFeeAction,
  resumeSubscriptionAction,
  removeCardAction,
  setCustomerIdAction,
  subscribeAction,
} from "@/app/(staff)/members/[id]/stripe-actions";
import { archivePlanAction, createPlanAction } from "@/app/(staff)/members/plans/actions";
import { addFamilyMemberAction, createFamilyAction, deleteFamilyAction, removeFamilyMemberAction, setFamilyDiscountAction, updateFamilyAction } from "@/app/(staff)/members/families/actions";
import { confirmPlanCheckoutAction, confirmUpgradeAction } from "@/app/(staff)/settings/account/actions";
import { saveDojoProfileAction } from "@/app/(staff)/settings/profile/actions";
import { cancelOrderAction, confirmOrderAction, fulfilOrderAction, saveProductAction, saveShopSettingsAction, setProductActiveAction } from "@/app/(staff)/webshop/actions";
import { completeCardLinkSetupAction, openCardLinkSetupAction, payCardLinkInvoiceAction, settleCardLinkInvoiceAction } from "@/app/card/[token]/actions";
import { completeReplaceCardAction, payMemberSubscriptionInvoiceAction, pauseMySubscriptionAction, resumeMySubscriptionAction, settleMemberSubscriptionInvoiceAction } from "@/app/portal/(member)/subscription-actions";

import { setPasswordFromInvitation } from "@/app/portal/(public)/set-password/[token]/actions";
import { placeShopOrderAction } from "@/app/shop/[dojo]/actions";
import { resubscribeAction, unsubscribeAction } from "@/app/unsubscribe/[token]/actions";
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
  /** A public action called with a session: the other-kind-of-session check does not apply. */
  anyone?: true;
  /** Values of dojo B the caller itself sent, which the error may name back (an id typed into a field). */
  echoed?: (w: IdorWorld) => string[];
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
/** A signed `<memberId>.<...>` token of dojo B's member, re-pointed at member M1 of dojo A. */
const repointed = (token: string, w: IdorWorld) => [w.a.m1.id, ...token.split(".").slice(1)].join(".");
const PASSWORD = "attacker password";
const CAMPAIGN = { subject: "Hello", body: "Dear member, see you on the mat." };
const anonymous = (name: string, call: Attempt["call"], error: RegExp): Attempt => ({ name, actor: "anonymous", call, error });

/**
 * One entry per server action, keyed `<file>#<export>`. The completeness test fails when a
 * "use server" export has no entry here: a new action comes with its tenancy check.
 */
export const ACTION_MATRIX: Record<string, MatrixEntry> = {
  "app/(auth)/login/actions.ts#logIn": {
    na: "public staff log-in: an e-mail and a password, no record id",
  },
  "app/(auth)/signup/actions.ts#signUp": {
    na: "public sign-up: records a request from the form and mails its address, no record id",
  },
  "app/(auth)/signup/confirm/[token]/actions.ts#confirmSignupAction": {
    na: "creates a new dojo from a signed sign-up link; no dojo exists yet (tampered and re-used links: tests/integration/signup.test.ts)",
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
  "app/portal/(member)/actions.ts#setMyLanguageAction": {
    // English (from none): a write all the same, and the refusals the matrix reads stay in English.
    attempts: [member("dojo B's member smuggled beside the language: only the signed-in member's changes", (w) => setMyLanguageAction(smuggled({ language: "en" }, w)), { expect: "ignored" })],
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
  "app/(staff)/settings/stripe/actions.ts#savePaymentMethods": {
    na: "takes method names only; always the session's dojo's connection",
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
        anyone: true,
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

  "app/(staff)/members/import/actions.ts#previewMemberImportAction": {
    attempts: [
      staff("a file naming dojo B's member's UID and e-mail: the UID is taken, nothing of B is shown", (w) => previewMemberImportAction(smuggled({ csv: `UID,First name,Last name,E-mail\n${w.b.member.uid},Copy,Cat,${w.b.member.email}\n` }, w)), {
        expect: "ignored",
        echoed: (w) => [w.b.member.uid, w.b.member.email!],
      }),
    ],
  },
  "app/(staff)/members/import/actions.ts#importMembersAction": {
    attempts: [
      staff("a file taking dojo B's member's UID is refused on that row", (w) => importMembersAction(smuggled({ csv: `UID,First name,Last name\n${w.b.member.uid},Copy,Cat\n` }, w)), {
        field: "row.2",
        echoed: (w) => [w.b.member.uid],
      }),
      staff("a file with dojo B's ids smuggled beside it imports into dojo A alone", (w) => importMembersAction(smuggled({ csv: `First name,Last name,E-mail\nNew,Member,${w.b.member.email}\n` }, w)), {
        expect: "ignored",
        echoed: (w) => [w.b.member.email!],
      }),
    ],
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
  "app/(staff)/account/actions.ts#changeLanguage": {
    // English (from none), as for members above.
    attempts: [staff("smuggled dojo B ids are ignored: only the signed-in staff member's language changes", (w) => changeLanguage(smuggled({ language: "en" }, w)), { expect: "ignored" })],
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

  "app/(staff)/dashboard/actions.ts#sendMailAgainAction": {
    attempts: [staff("dojo B's undelivered mail", (w) => sendMailAgainAction({ jobId: w.b.failedMailId }))],
  },
  "app/(staff)/settings/stripe/actions.ts#reconcileStripe": {
    attempts: [staff("smuggled dojo B ids are ignored", (w) => reconcileStripe(smuggled({ days: 1 }, w)), { expect: "ignored" })],
  },
  // Only what the session's dojo's latest money check lists is acted on: another dojo's
  // PaymentIntent is not listed, so nothing happens to it (settled: false, nothing of B returned).
  "app/(staff)/settings/stripe/money-check-actions.ts#recordDifferenceAction": {
    attempts: [staff("dojo B's PaymentIntent", (w) => recordDifferenceAction({ stripeId: w.b.payment.stripePaymentIntentId! }), { expect: "ignored" })],
  },
  "app/(staff)/settings/stripe/money-check-actions.ts#refundDifferenceAction": {
    attempts: [staff("dojo B's PaymentIntent", (w) => refundDifferenceAction({ stripeId: w.b.payment.stripePaymentIntentId! }), { expect: "ignored" })],
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
  "app/portal/(member)/card-actions.ts#payWithSavedCardAction": {
    attempts: [
      member("for member M2's invoice", (w) => payWithSavedCardAction({ invoiceId: w.a.m2Open.id })),
      member("for dojo B's invoice", (w) => payWithSavedCardAction({ invoiceId: w.b.open.id })),
    ],
  },
  "app/portal/(member)/card-actions.ts#confirmSavedCardPaymentAction": {
    attempts: [member("dojo B's PaymentIntent", (w) => confirmSavedCardPaymentAction({ paymentIntentId: w.b.payment.stripePaymentIntentId! }))],
  },
  "app/(staff)/members/[id]/invitation-actions.ts#sendPortalInvitationAction": { attempts: [staff("to dojo B's member", (w) => sendPortalInvitationAction({ id: w.b.member.id }))] },
  "app/portal/(public)/set-password/[token]/actions.ts#setPasswordFromInvitation": {
    attempts: [
      anonymous(
        "a tampered invitation of dojo B's member",
        (w) => setPasswordFromInvitation({ token: tampered(w.b.portalInvitationToken), password: PASSWORD, confirm: PASSWORD }),
        /not valid|no longer|expired/i,
      ),
      anonymous(
        "dojo B's invitation re-pointed at member M1",
        (w) => setPasswordFromInvitation({ token: repointed(w.b.portalInvitationToken, w), password: PASSWORD, confirm: PASSWORD }),
        /not valid|no longer|expired/i,
      ),
    ],
  },
  "app/unsubscribe/[token]/actions.ts#unsubscribeAction": {
    attempts: [
      anonymous("a tampered link of dojo B's member", (w) => unsubscribeAction({ token: tampered(w.b.unsubscribeToken) }), /unsubscribe link is not valid/),
      anonymous("dojo B's link re-pointed at member M1", (w) => unsubscribeAction({ token: repointed(w.b.unsubscribeToken, w) }), /unsubscribe link is not valid/),
    ],
  },
  "app/unsubscribe/[token]/actions.ts#resubscribeAction": {
    attempts: [
      anonymous("a tampered link of dojo B's member", (w) => resubscribeAction({ token: tampered(w.b.unsubscribeToken) }), /unsubscribe link is not valid/),
      anonymous("dojo B's link re-pointed at member M1", (w) => resubscribeAction({ token: repointed(w.b.unsubscribeToken, w) }), /unsubscribe link is not valid/),
    ],
  },

  "app/(staff)/campaigns/actions.ts#countRecipientsAction": {
    attempts: [staff("picking dojo B's member counts nobody", (w) => countRecipientsAction({ recipients: { kind: "picked", memberIds: [w.b.member.id] } }), { expect: "ignored" })],
  },
  "app/(staff)/campaigns/actions.ts#previewCampaignAction": { attempts: [staff("for dojo B's member", (w) => previewCampaignAction({ ...CAMPAIGN, memberId: w.b.member.id }))] },
  "app/(staff)/campaigns/actions.ts#testSendCampaignAction": { attempts: [staff("with dojo B's member's values", (w) => testSendCampaignAction({ ...CAMPAIGN, memberId: w.b.member.id }))] },
  "app/(staff)/campaigns/actions.ts#sendCampaignAction": {
    attempts: [staff("to dojo B's member", (w) => sendCampaignAction({ ...CAMPAIGN, recipients: { kind: "picked", memberIds: [w.b.member.id] } }), { field: "recipients" })],
  },

  "app/(staff)/members/[id]/stripe-actions.ts#setCustomerIdAction": {
    attempts: [
      staff("on dojo B's member", (w) => setCustomerIdAction({ memberId: w.b.member.id, customerId: w.b.customerId })),
      staff("dojo B's Stripe customer linked to own member", (w) => setCustomerIdAction({ memberId: w.a.m1.id, customerId: w.b.customerId }), { field: "customerId", echoed: (w) => [w.b.customerId] }),
    ],
  },
  "app/(staff)/members/[id]/stripe-actions.ts#createCustomerAction": { attempts: [staff("for dojo B's member", (w) => createCustomerAction({ memberId: w.b.member.id }))] },
  "app/(staff)/members/[id]/stripe-actions.ts#copyCardLinkAction": { attempts: [staff("of dojo B's member", (w) => copyCardLinkAction({ memberId: w.b.member.id }))] },
  "app/(staff)/members/[id]/stripe-actions.ts#newCardLinkAction": { attempts: [staff("for dojo B's member", (w) => newCardLinkAction({ memberId: w.b.member.id }))] },
  "app/(staff)/members/[id]/stripe-actions.ts#openCardSetupAction": { attempts: [staff("for dojo B's member", (w) => openCardSetupAction({ memberId: w.b.member.id }))] },
  "app/(staff)/members/[id]/stripe-actions.ts#completeCardSetupAction": {
    attempts: [
      staff("dojo B's card setup session", (w) => completeCardSetupAction({ memberId: w.a.m1.id, sessionId: w.b.setupSessionId })),
      staff("member M2's card setup session for member M1", (w) => completeCardSetupAction({ memberId: w.a.m1.id, sessionId: w.a.m2SetupSessionId })),
    ],
  },
  "app/(staff)/members/[id]/stripe-actions.ts#makeDefaultCardAction": {
    attempts: [staff("on dojo B's member", (w) => makeDefaultCardAction({ memberId: w.b.member.id, paymentMethodId: "pm_card_visa" }))],
  },
  "app/(staff)/members/[id]/stripe-actions.ts#removeCardAction": { attempts: [staff("on dojo B's member", (w) => removeCardAction({ memberId: w.b.member.id, paymentMethodId: "pm_card_visa" }))] },
  "app/(staff)/members/[id]/stripe-actions.ts#subscribeAction": {
    attempts: [
      staff("own member to dojo B's plan", (w) => subscribeAction({ memberId: w.a.m1.id, planId: w.b.plan.id, attempt: randomUUID() })),
      staff("dojo B's member to dojo B's plan", (w) => subscribeAction({ memberId: w.b.member.id, planId: w.b.plan.id, attempt: randomUUID() })),
    ],
  },
  "app/(staff)/members/[id]/stripe-actions.ts#cancelSubscriptionAction": {
    attempts: [staff("dojo B's subscription", (w) => cancelSubscriptionAction({ subscriptionId: w.b.subscription.id, when: "now", memberId: w.a.m1.id }))],
  },
  "app/(staff)/members/[id]/stripe-actions.ts#pauseSubscriptionAction": {
    attempts: [staff("dojo B's subscription", (w) => pauseSubscriptionAction({ subscriptionId: w.b.subscription.id, resumeOn: "", attempt: randomUUID(), memberId: w.a.m1.id }))],
  },
  "app/(staff)/members/[id]/stripe-actions.ts#resumeSubscriptionAction": {
    attempts: [staff("dojo B's subscription", (w) => resumeSubscriptionAction({ subscriptionId: w.b.subscription.id, attempt: randomUUID(), memberId: w.a.m1.id }))],
  },
  "app/(staff)/members/[id]/stripe-actions.ts#addSubscriptionFeeAction": {
    attempts: [staff("dojo B's subscription", (w) => addSubscriptionFeeAction({ subscriptionId: w.b.subscription.id, description: "Grading fee", amount: "15.00", attempt: randomUUID(), memberId: w.a.m1.id }))],
  },
  "app/(staff)/members/[id]/stripe-actions.ts#removeSubscriptionFeeAction": {
    attempts: [staff("dojo B's subscription", (w) => removeSubscriptionFeeAction({ subscriptionId: w.b.subscription.id, invoiceItemId: "ii_fromDojoB", memberId: w.a.m1.id }))],
  },
  "app/(staff)/members/plans/actions.ts#setMembersMayPauseAction": { na: "no id in the input: changes the signed-in staff member's own dojo setting" },
  "app/(staff)/members/plans/actions.ts#createPlanAction": {
    attempts: [
      staff("smuggled dojo B ids are ignored", (w) => createPlanAction(smuggled({ name: "A Weekly", amount: "5.00", interval: "week", intervalCount: 1, attempt: randomUUID() }, w)), {
        expect: "ignored",
      }),
    ],
  },
  "app/(staff)/members/families/actions.ts#createFamilyAction": {
    attempts: [staff("dojo B's member as the payer", (w) => createFamilyAction({ name: "Stolen", payerKind: "member", payerMemberId: w.b.member.id }))],
  },
  "app/(staff)/members/families/actions.ts#updateFamilyAction": {
    attempts: [staff("dojo B's family", (w) => updateFamilyAction({ familyId: w.b.family.id, name: "Renamed", payerKind: "contact", payerName: "Attacker", payerEmail: "attacker@example.test" }))],
  },
  "app/(staff)/members/families/actions.ts#addFamilyMemberAction": {
    attempts: [staff("a member into dojo B's family", (w) => addFamilyMemberAction({ familyId: w.b.family.id, memberId: w.a.m1.id }))],
  },
  "app/(staff)/members/families/actions.ts#removeFamilyMemberAction": {
    attempts: [staff("dojo B's member from dojo B's family", (w) => removeFamilyMemberAction({ familyId: w.b.family.id, memberId: w.b.member.id }))],
  },
  "app/(staff)/members/families/actions.ts#deleteFamilyAction": { attempts: [staff("dojo B's family", (w) => deleteFamilyAction({ familyId: w.b.family.id }))] },
  "app/(staff)/members/families/actions.ts#setFamilyDiscountAction": {
    attempts: [staff("smuggled dojo B ids are ignored", (w) => setFamilyDiscountAction(smuggled({ percent: 5 }, w)), { expect: "ignored" })],
  },
  "app/(staff)/members/plans/actions.ts#importPlansAction": { na: "price ids are looked up in the session's dojo's own Stripe account only; another account's price is not found there" },
  "app/(staff)/members/plans/actions.ts#listStripePricesAction": { na: "empty input: lists the prices of the session's dojo's own Stripe account" },
  "app/(staff)/members/plans/actions.ts#archivePlanAction": { attempts: [staff("dojo B's plan", (w) => archivePlanAction({ planId: w.b.plan.id, archived: true }))] },

  "app/card/[token]/actions.ts#openCardLinkSetupAction": {
    attempts: [anonymous("a tampered card link of dojo B's member", (w) => openCardLinkSetupAction({ token: tampered(w.b.cardLinkToken) }), /card link no longer works/)],
  },
  "app/card/[token]/actions.ts#completeCardLinkSetupAction": {
    attempts: [
      anonymous("M1's link with dojo B's card setup session", (w) => completeCardLinkSetupAction({ token: w.a.m1CardLinkToken, sessionId: w.b.setupSessionId }), /was not found\.$/),
      anonymous("M1's link with member M2's card setup session", (w) => completeCardLinkSetupAction({ token: w.a.m1CardLinkToken, sessionId: w.a.m2SetupSessionId }), /was not found\.$/),
    ],
  },
  "app/card/[token]/actions.ts#payCardLinkInvoiceAction": {
    attempts: [
      anonymous("M1's link with member M2's invoice", (w) => payCardLinkInvoiceAction({ token: w.a.m1CardLinkToken, invoiceId: w.a.m2Open.id }), /was not found\.$/),
      anonymous("M1's link with dojo B's invoice", (w) => payCardLinkInvoiceAction({ token: w.a.m1CardLinkToken, invoiceId: w.b.open.id }), /was not found\.$/),
    ],
  },
  "app/card/[token]/actions.ts#settleCardLinkInvoiceAction": {
    attempts: [
      anonymous("M1's link with member M2's invoice", (w) => settleCardLinkInvoiceAction({ token: w.a.m1CardLinkToken, invoiceId: w.a.m2Open.id }), /was not found\.$/),
      anonymous("M1's link with dojo B's invoice", (w) => settleCardLinkInvoiceAction({ token: w.a.m1CardLinkToken, invoiceId: w.b.open.id }), /was not found\.$/),
    ],
  },

  "app/portal/(member)/subscription-actions.ts#openReplaceCardAction": { na: "empty input: opens a card setup for the signed-in member's own customer" },
  "app/portal/(member)/subscription-actions.ts#completeReplaceCardAction": {
    attempts: [
      member("member M2's card setup session", (w) => completeReplaceCardAction({ sessionId: w.a.m2SetupSessionId })),
      member("dojo B's card setup session", (w) => completeReplaceCardAction({ sessionId: w.b.setupSessionId })),
    ],
  },
  "app/portal/(member)/subscription-actions.ts#payMemberSubscriptionInvoiceAction": {
    attempts: [
      member("member M2's subscription invoice", (w) => payMemberSubscriptionInvoiceAction({ invoiceId: w.a.m2Open.id })),
      member("dojo B's subscription invoice", (w) => payMemberSubscriptionInvoiceAction({ invoiceId: w.b.open.id })),
    ],
  },
  // Dojo A lets members pause (world.ts): the refusal is the ownership check's, not the setting's.
  "app/portal/(member)/subscription-actions.ts#pauseMySubscriptionAction": {
    attempts: [member("dojo B's subscription", (w) => pauseMySubscriptionAction({ subscriptionId: w.b.subscription.id, resumeOn: "", attempt: randomUUID() }))],
  },
  "app/portal/(member)/subscription-actions.ts#resumeMySubscriptionAction": {
    attempts: [member("dojo B's subscription", (w) => resumeMySubscriptionAction({ subscriptionId: w.b.subscription.id, attempt: randomUUID() }))],
  },
  "app/portal/(member)/subscription-actions.ts#settleMemberSubscriptionInvoiceAction": {
    attempts: [
      member("member M2's subscription invoice", (w) => settleMemberSubscriptionInvoiceAction({ invoiceId: w.a.m2Open.id })),
      member("dojo B's subscription invoice", (w) => settleMemberSubscriptionInvoiceAction({ invoiceId: w.b.open.id })),
    ],
  },

  "app/(staff)/settings/account/actions.ts#openSubscribeCheckoutAction": { na: "a plan and an interval only: opens the platform Checkout for the session's dojo" },
  "app/(staff)/settings/account/actions.ts#openCardCheckoutAction": { na: "empty input: the session's dojo's own platform card" },
  "app/(staff)/settings/account/actions.ts#confirmPlanCheckoutAction": {
    attempts: [staff("dojo B's platform Checkout Session", (w) => confirmPlanCheckoutAction({ sessionId: w.b.planSessionId }), { error: /does not belong to your dojo/ })],
  },
  "app/(staff)/settings/account/actions.ts#upgradePlanAction": { na: "a plan only: changes the session's dojo's own platform subscription" },
  "app/(staff)/settings/account/actions.ts#confirmUpgradeAction": {
    attempts: [staff("dojo B's plan change request", (w) => confirmUpgradeAction({ requestId: w.b.planChangeId }))],
  },
  "app/(staff)/settings/account/actions.ts#scheduleDowngradeAction": { na: "a plan only: changes the session's dojo's own platform subscription" },
  "app/(staff)/settings/account/actions.ts#cancelScheduledChangeAction": { na: "empty input: the session's dojo's own platform subscription" },

  "app/(staff)/settings/profile/actions.ts#saveDojoProfileAction": {
    attempts: [staff("smuggled dojo B ids are ignored", (w) => saveDojoProfileAction(smuggled({ name: "Dojo A", legalName: "Dojo A Ltd" }, w)), { expect: "ignored" })],
  },

  "app/(staff)/webshop/actions.ts#saveProductAction": {
    attempts: [staff("dojo B's product", (w) => saveProductAction({ id: w.b.product.id, name: "Hacked", description: "", price: "1.00", category: "", stock: "", active: true }))],
  },
  "app/(staff)/webshop/actions.ts#setProductActiveAction": { attempts: [staff("dojo B's product", (w) => setProductActiveAction({ id: w.b.product.id, active: false }))] },
  "app/(staff)/webshop/actions.ts#saveShopSettingsAction": {
    attempts: [
      staff("smuggled dojo B ids are ignored", (w) => saveShopSettingsAction(smuggled({ enabled: true, title: "A shop", intro: "", cardPayments: false, payAtDojo: true }, w)), { expect: "ignored" }),
    ],
  },
  "app/(staff)/webshop/actions.ts#fulfilOrderAction": { attempts: [staff("dojo B's order", (w) => fulfilOrderAction({ id: w.b.order.id }))] },
  "app/(staff)/webshop/actions.ts#confirmOrderAction": { attempts: [staff("dojo B's order", (w) => confirmOrderAction({ id: w.b.order.id }))] },
  "app/(staff)/webshop/actions.ts#cancelOrderAction": { attempts: [staff("dojo B's order", (w) => cancelOrderAction({ id: w.b.order.id }))] },
  "app/shop/[dojo]/actions.ts#placeShopOrderAction": {
    attempts: [
      anonymous(
        "dojo B's product in dojo A's shop",
        (w) =>
          placeShopOrderAction({ slug: w.a.dojo.slug, name: "Mallory", email: "mallory@example.test", phone: "+49 555 1234", payment: "at_dojo", items: [{ productId: w.b.product.id, quantity: 1 }] }),
        /no longer sold/,
      ),
    ],
  },
  "app/shop/[dojo]/actions.ts#chooseShopLanguageAction": { na: "takes only a language code and sets the visitor's own language cookie: no record of any dojo" },
};
