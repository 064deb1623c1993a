import "server-only";
import { createElement } from "react";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dojos, members } from "@/db/schema";
import CardAdded from "@/emails/card-added";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { defineMail } from "@/lib/mail/mail-kind";

/** "Your card is saved": `card` ("Visa •••• 4242") is what Stripe said when it was saved. */
export const cardAddedMail = defineMail<{ dojoId: string; memberId: string; card: string }>({
  name: "card-added",
  label: "Card saved",
  async compose(db, { dojoId, memberId, card }) {
    const [to] = await db
      .select({ firstName: members.firstName, email: members.email, dojoName: dojos.name })
      .from(members)
      .innerJoin(dojos, eq(dojos.id, members.dojoId))
      .where(and(eq(members.id, memberId), eq(members.dojoId, dojoId)));
    if (!to) return { skip: "the member no longer exists" };
    if (!to.email) return { skip: "the member has no e-mail address" };
    return {
      dojoName: to.dojoName,
      to: to.email,
      subject: `Your card is saved with ${to.dojoName}`,
      react: createElement(CardAdded, { dojoName: to.dojoName, memberFirstName: to.firstName, card }),
    };
  },
});

/** Queued when a card is saved (desk, card link, members area or the webhook): one mail per card. */
export async function queueCardAddedMail(db: DbOrTx, input: { dojoId: string; memberId: string; paymentMethodId: string; card: string }): Promise<void> {
  await enqueueMail(db, cardAddedMail, { dojoId: input.dojoId, cause: input.paymentMethodId, params: { dojoId: input.dojoId, memberId: input.memberId, card: input.card } });
}
