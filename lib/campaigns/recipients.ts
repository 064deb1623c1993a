import { and, asc, eq, exists, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailOptOuts, families, invoices, members, memberSubscriptions, type RecipientFilter } from "@/db/schema";
import { LIVE_SUBSCRIPTION_STATUSES } from "@/lib/stripe/subscription-status";
import { fullName } from "@/lib/members/full-name";

export interface CampaignTarget {
  memberId: string;
  firstName: string;
  lastName: string;
  uid: string;
  email: string | null;
  /** Why this member gets nothing, or null when the mail goes out. */
  skipReason: string | null;
}

function conditionOf(dojoId: string, filter: RecipientFilter) {
  const inDojo = eq(members.dojoId, dojoId);
  switch (filter.kind) {
    case "all":
      return and(inDojo, eq(members.status, "active"));
    case "picked":
      return and(inDojo, inArray(members.id, filter.memberIds));
    case "filter":
      return and(
        inDojo,
        filter.status === "all" ? undefined : eq(members.status, filter.status),
        // "No card on file": no Stripe customer linked yet.
        filter.noCard ? isNull(members.stripeCustomerId) : undefined,
        filter.openInvoices
          ? exists(sql`(select 1 from ${invoices} where ${invoices.memberId} = ${members.id} and ${invoices.dojoId} = ${dojoId} and ${invoices.status} = 'open')`)
          : undefined,
        filter.subscribedTo
          ? exists(
              sql`(select 1 from ${memberSubscriptions} where ${memberSubscriptions.memberId} = ${members.id} and ${memberSubscriptions.dojoId} = ${dojoId} and ${inArray(memberSubscriptions.status, LIVE_SUBSCRIPTION_STATUSES)}${
                filter.subscribedTo === "any"
                  ? sql``
                  : filter.subscribedTo === "paused"
                    ? sql` and ${memberSubscriptions.pauseBehavior} is not null`
                    : sql` and ${memberSubscriptions.planId} = ${filter.subscribedTo}`
              })`,
            )
          : undefined,
        // Members who pay for a family (a contact payer is no member and gets no campaign).
        filter.familyPayers ? exists(sql`(select 1 from ${families} where ${families.payerMemberId} = ${members.id} and ${families.dojoId} = ${dojoId})`) : undefined,
      );
  }
}

/**
 * The members a filter selects, in a stable order (the order batches are cut in), each with the
 * reason it is skipped: no e-mail address, or unsubscribed from campaigns.
 */
export async function campaignTargets(db: DbOrTx, dojoId: string, filter: RecipientFilter): Promise<CampaignTarget[]> {
  const rows = await db
    .select({
      memberId: members.id,
      firstName: members.firstName,
      lastName: members.lastName,
      uid: members.uid,
      email: members.email,
      optedOut: sql<boolean>`${emailOptOuts.memberId} is not null`,
    })
    .from(members)
    .leftJoin(emailOptOuts, and(eq(emailOptOuts.memberId, members.id), eq(emailOptOuts.dojoId, members.dojoId)))
    .where(conditionOf(dojoId, filter))
    .orderBy(asc(members.lastName), asc(members.firstName), asc(members.id));
  return rows.map(({ optedOut, ...r }) => ({ ...r, skipReason: !r.email ? "No e-mail address" : optedOut ? "Unsubscribed from campaigns" : null }));
}

export interface RecipientSummary {
  sendable: number;
  /** The first member who gets the mail: what the preview shows unless another is chosen. */
  first: { id: string; name: string; uid: string; status: "active" | "inactive" } | null;
  skipped: { memberId: string; name: string; reason: string }[];
}

export async function summarizeRecipients(db: DbOrTx, dojoId: string, filter: RecipientFilter): Promise<RecipientSummary> {
  const targets = await campaignTargets(db, dojoId, filter);
  const sendable = targets.filter((t) => !t.skipReason);
  const first = sendable[0] ? { id: sendable[0].memberId, name: fullName(sendable[0]), uid: sendable[0].uid, status: "active" as const } : null;
  return {
    sendable: sendable.length,
    first,
    skipped: targets.filter((t) => t.skipReason).map((t) => ({ memberId: t.memberId, name: fullName(t), reason: t.skipReason! })),
  };
}
