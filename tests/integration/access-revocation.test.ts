import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { cardLinks, members } from "@/db/schema";
import { openCardLinkSetupAction, payCardLinkInvoiceAction } from "@/app/card/[token]/actions";
import { deactivateMember, reactivateMember } from "@/app/(staff)/members/actions";
import { getMemberSession } from "@/lib/auth/session";
import { liveCardLink } from "@/lib/card-links/live-card-link";
import { findPortalInvitation, portalInvitationToken } from "@/lib/portal/invitation";
import { dojoWithStripe, openInvoiceFor } from "../support/card-payment";
import { signInAsMember } from "../support/factories";

vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.61" }) }));

const tokenOf = (url: string) => url.split("/card/")[1]!;
const GONE = "This card link no longer works. Ask your dojo for a new one.";

describe("links die with access", () => {
  it("deactivating a member revokes the card link, members-area sessions and invitations; reactivating revives none", async () => {
    const db = await getDb();
    const { dojo, stripe, signInOwner } = await dojoWithStripe();
    const { member, invoice } = await openInvoiceFor(dojo);
    const token = tokenOf((await liveCardLink(db, dojo.id, member.id)).url);
    const { token: invitation } = portalInvitationToken(member);
    expect(await findPortalInvitation(db, invitation)).toMatchObject({ state: "valid" });
    signInAsMember(member);
    expect(await getMemberSession()).not.toBeNull();

    const customersBefore = (await stripe.customers.list()).data.length;
    const setupIntentsBefore = (await stripe.setupIntents.list()).data.length;
    signInOwner();
    expect(await deactivateMember({ id: member.id })).toMatchObject({ ok: true });

    // The link creates no Stripe customer and no SetupIntent, and pays nothing.
    expect(await openCardLinkSetupAction({ token })).toEqual({ ok: false, error: GONE });
    expect(await payCardLinkInvoiceAction({ token, invoiceId: invoice.id })).toEqual({ ok: false, error: GONE });
    const [after] = await db.select({ customer: members.stripeCustomerId }).from(members).where(eq(members.id, member.id));
    expect(after!.customer).toBeNull();
    expect((await stripe.customers.list()).data).toHaveLength(customersBefore);
    expect((await stripe.setupIntents.list()).data).toHaveLength(setupIntentsBefore);
    expect(await db.select().from(cardLinks).where(eq(cardLinks.memberId, member.id))).toEqual([expect.objectContaining({ revokedAt: expect.any(Date) })]);

    signInAsMember(member);
    expect(await getMemberSession()).toBeNull();
    expect(await findPortalInvitation(db, invitation)).toEqual({ state: "invalid" });

    signInOwner();
    expect(await reactivateMember({ id: member.id })).toMatchObject({ ok: true });
    expect(await openCardLinkSetupAction({ token })).toEqual({ ok: false, error: GONE });
    signInAsMember(member);
    expect(await getMemberSession()).toBeNull();
    expect(await findPortalInvitation(db, invitation)).toEqual({ state: "invalid" });
  });
});
