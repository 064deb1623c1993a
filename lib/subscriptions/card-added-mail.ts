import "server-only";
import { translator } from "@/lib/i18n/messages";
import { resolveLocale } from "@/lib/i18n/locales";
import { createElement } from "react";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dojos, families, members } from "@/db/schema";
import type { Payer } from "@/lib/families/payer";
import CardAdded from "@/emails/card-added";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { defineMail } from "@/lib/mail/mail-kind";

/** "Your card is saved": `card` ("Visa •••• 4242") is what Stripe said when it was saved. */
/** To the member, or for a family's card (familyId) to the family's contact payer. */
export const cardAddedMail = defineMail<{ dojoId: string; memberId?: string; familyId?: string; card: string; sepa?: boolean }>({
  name: "card-added",
  label: "Card saved",
  async compose(db, { dojoId, memberId, familyId, card, sepa }) {
    // A contact payer has no language of their own (null): the mail speaks the dojo's.
    const [to] = familyId
      ? await db
          .select({ firstName: families.payerName, email: families.payerEmail, language: sql<string | null>`null`, dojoName: dojos.name, defaultLanguage: dojos.defaultLanguage })
          .from(families)
          .innerJoin(dojos, eq(dojos.id, families.dojoId))
          .where(and(eq(families.id, familyId), eq(families.dojoId, dojoId)))
      : await db
      .select({ firstName: members.firstName, email: members.email, language: members.language, dojoName: dojos.name, defaultLanguage: dojos.defaultLanguage })
      .from(members)
      .innerJoin(dojos, eq(dojos.id, members.dojoId))
      .where(and(eq(members.id, memberId!), eq(members.dojoId, dojoId)));
    if (!to) return { skip: "the member no longer exists" };
    if (!to.email) return { skip: "the member has no e-mail address" };
    const locale = resolveLocale(to.language, to.defaultLanguage);
    return {
      dojoName: to.dojoName,
      to: to.email,
      subject: translator(locale, "emails.cardAdded")(sepa ? "sepaSubject" : "subject", { dojo: to.dojoName }),
      react: createElement(CardAdded, { locale, text: translator(locale, "emails"), dojoName: to.dojoName, memberFirstName: (to.firstName ?? "").split(" ")[0], card, sepa }),
    };
  },
});

/** Queued when a card is saved (desk, card link, members area or the webhook): one mail per card. */
export async function queueCardAddedMail(db: DbOrTx, input: { dojoId: string; payer: Payer; paymentMethodId: string; card: string; sepa?: boolean }): Promise<void> {
  const to = input.payer.kind === "member" ? { memberId: input.payer.memberId } : { familyId: input.payer.familyId };
  await enqueueMail(db, cardAddedMail, { dojoId: input.dojoId, cause: input.paymentMethodId, params: { dojoId: input.dojoId, ...to, card: input.card, ...(input.sepa ? { sepa: true } : {}) } });
}
