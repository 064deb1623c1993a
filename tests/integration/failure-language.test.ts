import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { dojos, members, staffUsers } from "@/db/schema";
import { countRecipientsAction } from "@/app/(staff)/campaigns/actions";
import { recordPaymentAction, voidInvoiceAction } from "@/app/(staff)/invoices/actions";
import { addLedgerEntry } from "@/app/(staff)/ledger/actions";
import { payWithSavedCardAction } from "@/app/portal/(member)/card-actions";
import { dojoWithStripe, openInvoiceFor } from "../support/card-payment";
import { createMember, createStaff, signedInDojo, signInAsMember, signInAsStaff } from "../support/factories";
import { createTestInvoice } from "../support/invoice-factory";

// Intl writes a no-break space between the euro sign and the amount in Dutch.
const NBSP = "\u00a0";

const speaks = async (table: typeof staffUsers | typeof members, id: string, language: string | null) => (await getDb()).update(table).set({ language }).where(eq(table.id, id));

describe("why an action failed, in the language of the person who tried", () => {
  it("tells a Dutch-speaking staff member in Dutch, beside the field too; an English-speaking colleague reads the English words", async () => {
    const { dojo, user } = await signedInDojo();
    await speaks(staffUsers, user.id, "nl");
    const member = await createMember(dojo.id);
    const invoice = await createTestInvoice(dojo, member.id, { issue: true });
    const pay = (amount: string, paidOn: string) => recordPaymentAction({ invoiceId: invoice.id, method: "cash", amount, paidOn });

    expect(await pay("1.00", "2099-01-01")).toEqual({ ok: false, error: "Verbeter de gemarkeerde velden.", fieldErrors: { paidOn: ["De betaaldatum kan niet in de toekomst liggen"] } });
    // Money in the reader's way of writing it, beside the field the action names for the code.
    const tooMuch = `Het bedrag is meer dan de €${NBSP}50,00 die nog openstaat.`;
    expect(await pay("80.00", "2026-03-02")).toEqual({ ok: false, error: tooMuch, fieldErrors: { amount: [tooMuch] } });
    expect(await voidInvoiceAction({ id: invoice.id, reason: "Dubbel" })).toMatchObject({ ok: true });
    expect(await voidInvoiceAction({ id: invoice.id, reason: "Dubbel" })).toEqual({ ok: false, error: "Deze factuur is al geannuleerd." });

    const colleague = await createStaff(dojo.id);
    signInAsStaff(colleague);
    const other = await createTestInvoice(dojo, member.id, { issue: true });
    expect(await recordPaymentAction({ invoiceId: other.id, method: "cash", amount: "1.00", paidOn: "2099-01-01" })).toEqual({
      ok: false,
      error: "Please correct the highlighted fields.",
      fieldErrors: { paidOn: ["The payment date cannot be in the future"] },
    });
    expect(await recordPaymentAction({ invoiceId: other.id, method: "cash", amount: "80.00", paidOn: "2026-03-02" })).toMatchObject({ ok: false, error: "The amount is more than the €50.00 still open." });
    expect(await voidInvoiceAction({ id: invoice.id, reason: "Twice" })).toEqual({ ok: false, error: "This invoice is already void." });
  });

  it("refuses a Dutch-speaking staff member's role or plan in Dutch", async () => {
    const { dojo, user } = await signedInDojo({ plan: "basic", role: "staff" });
    await speaks(staffUsers, user.id, "nl");
    expect(await addLedgerEntry({} as never)).toEqual({ ok: false, error: "Uw rol staat dit niet toe." });
    const owner = await createStaff(dojo.id);
    await speaks(staffUsers, owner.id, "nl");
    signInAsStaff(owner);
    expect(await countRecipientsAction({} as never)).toEqual({ ok: false, error: "‘E-mailcampagnes’ hoort bij het Pro-abonnement. Upgrade onder Instellingen → Account." });
    await speaks(staffUsers, owner.id, null);
    expect(await countRecipientsAction({} as never)).toEqual({ ok: false, error: "E-mail campaigns is part of the Pro plan. Upgrade in Settings → Account." });
  });

  it("tells a Dutch-speaking member in Dutch; a member without a language of their own reads the dojo's", async () => {
    const { dojo } = await dojoWithStripe();
    const { member, invoice } = await openInvoiceFor(dojo);
    await speaks(members, member.id, "nl");
    signInAsMember(member);
    expect(await payWithSavedCardAction({ invoiceId: invoice.id })).toEqual({ ok: false, error: "Je hebt geen opgeslagen kaart. Betaal in plaats daarvan met creditcard." });
    const { member: neighbour, invoice: theirs } = await openInvoiceFor(dojo);
    expect(await payWithSavedCardAction({ invoiceId: theirs.id })).toEqual({ ok: false, error: "De factuur is niet gevonden." });

    signInAsMember(neighbour);
    expect(await payWithSavedCardAction({ invoiceId: theirs.id })).toEqual({ ok: false, error: "You have no saved card. Pay with credit card instead." });
    await (await getDb()).update(dojos).set({ defaultLanguage: "fr" }).where(eq(dojos.id, dojo.id));
    expect(await payWithSavedCardAction({ invoiceId: theirs.id })).toEqual({ ok: false, error: "Vous n'avez pas de carte enregistrée. Payez plutôt par carte bancaire." });
  });
});
