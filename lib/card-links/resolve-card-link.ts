import { and, eq, isNull, or, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cardLinks, dojos, families, members } from "@/db/schema";
import type { Payer } from "@/lib/families/payer";
import { verifyCardLinkToken } from "./token";

/**
 * What a `/card/<token>` URL opens, or null when the token is tampered, unknown or revoked, the
 * member inactive, or the family's payer no longer a contact. `payer` is whose card it adds and
 * whose invoices it pays; `holder` the name and e-mail the page greets.
 */
export async function resolveCardLink(db: DbOrTx, token: string) {
  const linkId = verifyCardLinkToken(token);
  if (!linkId) return null;
  const [row] = await db
    .select({ link: cardLinks, member: members, family: families, dojo: dojos })
    .from(cardLinks)
    .innerJoin(dojos, eq(dojos.id, cardLinks.dojoId))
    .leftJoin(members, and(eq(members.id, cardLinks.memberId), eq(members.dojoId, cardLinks.dojoId), eq(members.status, "active")))
    .leftJoin(families, and(eq(families.id, cardLinks.familyId), eq(families.dojoId, cardLinks.dojoId), isNull(families.payerMemberId)))
    .where(and(eq(cardLinks.id, linkId), isNull(cardLinks.revokedAt), or(isNotNull(members.id), isNotNull(families.id))));
  if (!row) return null;
  const { link, dojo, member, family } = row;
  if (member) return { link, dojo, member, payer: { kind: "member", memberId: member.id } as Payer, holder: { firstName: member.firstName, email: member.email } };
  const f = family!;
  return { link, dojo, member: null, payer: { kind: "family", familyId: f.id } as Payer, holder: { firstName: (f.payerName ?? "").split(" ")[0], email: f.payerEmail } };
}
