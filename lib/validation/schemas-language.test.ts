import { describe, expect, it } from "vitest";
import type { z } from "zod";
import en from "@/messages/en.json";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { staffLoginSchema } from "@/lib/auth/schemas";
import { planCheckoutSchema } from "@/lib/account-plans/schemas";
import { campaignContentSchema, recipientFilterSchema } from "@/lib/campaigns/schemas";
import { dojoProfileSchema } from "@/lib/dojos/profile-schema";
import { signupSchema, slugSchema } from "@/lib/dojos/signup";
import { familyDiscountSchema, familyFieldsSchema } from "@/lib/families/schemas";
import { invoiceInputSchema, invoiceLineSchema, voidInvoiceSchema } from "@/lib/invoices/schemas";
import { correctEntrySchema, manualEntrySchema } from "@/lib/ledger/schemas";
import { memberImportSchema } from "@/lib/members/import/schemas";
import { MAX_IMPORT_BYTES } from "@/lib/members/import/parse";
import { memberFieldsSchema } from "@/lib/members/schemas";
import { confirmSavedCardSchema } from "@/lib/payments/card/schemas";
import { refundPaymentSchema } from "@/lib/payments/refunds/schemas";
import { manualPaymentSchema } from "@/lib/payments/schemas";
import { setPortalPasswordSchema } from "@/lib/portal/invitation-schema";
import { checkoutSchema, productSchema, shopSettingsSchema } from "@/lib/shop/schemas";
import { acceptInvitationSchema, changePasswordSchema, inviteSchema } from "@/lib/staff/schemas";
import { refundDifferenceSchema, settleDifferenceSchema } from "@/lib/stripe/money-check/schemas";
import { connectStripeSchema, reconcileSchema } from "@/lib/stripe/schemas";
import { addFeeSchema, importPlansSchema, memberCardSchema, planFormSchema, removeFeeSchema, setCustomerIdSchema, signupFeeSchema } from "@/lib/subscriptions/schemas";
import { dateSchema, idSchema, nameSchema, passwordSchema, stripeCurrencySchema, timeZoneSchema } from "./common";
import { readMsg, validationText } from "./message-key";
import { zodParseOptions } from "./zod-locale";

const ID = "8f14e45f-ceea-4e7a-9f1b-6f1c2b7a9d10";
const long = (n: number) => "x".repeat(n);
const plan = { name: "Judo", amount: "30", interval: "month", intervalCount: 1 };

// Invalid input for every schema with messages of its own; together they raise every validation message.
const CASES: Array<[string, z.ZodType, unknown]> = [
  ["a short name and a bad e-mail", signupSchema, { dojoName: "K", slug: "admin", currency: "HRK", ownerName: "", email: "nope", password: "short" }],
  ["a badly shaped address", slugSchema, "A"],
  ["a currency code that is none", stripeCurrencySchema, "EURO"],
  ["a too long password", passwordSchema, long(201)],
  ["a too long name", nameSchema, long(101)],
  ["an id that is none", idSchema, "42"],
  ["no date", dateSchema, "soon"],
  ["a date that does not exist", dateSchema, "2026-13-45"],
  ["no time zone", timeZoneSchema, ""],
  ["an unknown time zone", timeZoneSchema, "Mars/Olympus"],
  ["an empty invoice line", invoiceLineSchema, { description: "", quantity: "many", unitPrice: "" }],
  ["half a unit", invoiceLineSchema, { description: long(501), quantity: 1.5, unitPrice: "1" }],
  ["no units", invoiceLineSchema, { description: "Judo", quantity: 0, unitPrice: "1" }],
  ["too many units", invoiceLineSchema, { description: "Judo", quantity: 100_001, unitPrice: "1" }],
  ["an invoice due before it is issued", invoiceInputSchema, { memberId: "", lines: [], issueDate: "2026-03-02", dueDate: "2026-03-01" }],
  ["an invoice of too many lines", invoiceInputSchema, { memberId: ID, lines: Array(101).fill({ description: "Judo", quantity: 1, unitPrice: "1" }), issueDate: "2026-03-02", dueDate: "2026-03-02" }],
  ["voiding without a reason", voidInvoiceSchema, { id: ID, reason: "" }],
  ["a Checkout Session that is none", planCheckoutSchema, { sessionId: "x" }],
  ["keys that are none", connectStripeSchema, { publishableKey: "x", secretKey: "y", currency: "EUR", attempt: ID }],
  ["keys of two modes", connectStripeSchema, { publishableKey: "pk_test_abc", secretKey: "sk_live_abc", currency: "EUR", attempt: ID }],
  ["no days to reconcile", reconcileSchema, { days: 0 }],
  ["too many days to reconcile", reconcileSchema, { days: 31 }],
  ["a payment that is none", settleDifferenceSchema, { stripeId: "x" }],
  ["a refund where a payment belongs", refundDifferenceSchema, { stripeId: "re_1" }],
  ["an empty ledger entry", manualEntrySchema, { kind: "gift", date: "2026-03-02", category: "", description: "", amount: "" }],
  ["a correction without a reason", correctEntrySchema, { entryId: ID, reason: "" }],
  ["an unknown role", inviteSchema, { name: "Aiko", email: "aiko@example.test", role: "boss" }],
  ["a broken invitation link", acceptInvitationSchema, { token: "short", name: "Aiko", password: "long enough password" }],
  ["passwords that differ", changePasswordSchema, { currentPassword: "", newPassword: "long enough password", confirmPassword: "something else" }],
  ["a member born long ago in an unknown language", memberFieldsSchema, { firstName: "Aiko", lastName: "Tanaka", birthDate: "1850-01-01", language: "xx" }],
  ["a member born in the future", memberFieldsSchema, { firstName: "Aiko", lastName: "Tanaka", birthDate: "2999-01-01" }],
  ["no member file", memberImportSchema, { csv: "" }],
  ["a too large member file", memberImportSchema, { csv: long(MAX_IMPORT_BYTES + 1) }],
  ["a stock of words", productSchema, { name: "Gi", price: "", stock: "lots", active: true }],
  ["no reservation days", shopSettingsSchema, { enabled: true, cardPayments: true, payAtDojo: true, reservationDays: "soon" }],
  ["half a reservation day", shopSettingsSchema, { enabled: true, cardPayments: true, payAtDojo: true, reservationDays: 1.5 }],
  ["no reservation", shopSettingsSchema, { enabled: true, cardPayments: true, payAtDojo: true, reservationDays: 0 }],
  ["a too long reservation", shopSettingsSchema, { enabled: true, cardPayments: true, payAtDojo: true, reservationDays: 31 }],
  ["an empty checkout", checkoutSchema, { slug: "dojo", name: "Aiko", email: "aiko@example.test", phone: "12", payment: "coins", items: [] }],
  ["a too long phone number", checkoutSchema, { slug: "dojo", name: "Aiko", email: "aiko@example.test", phone: long(31), payment: "card", items: [{ productId: ID, quantity: 1 }] }],
  ["a PaymentIntent that is none", confirmSavedCardSchema, { paymentIntentId: "x" }],
  ["a refund without reason or nonce", refundPaymentSchema, { paymentId: ID, amount: "", reason: "", nonce: "x" }],
  ["an unknown payment method", manualPaymentSchema, { invoiceId: ID, method: "cheque", amount: "", paidOn: "2026-03-02" }],
  ["a customer id that is none", setCustomerIdSchema, { memberId: ID, customerId: "x" }],
  ["a card that is none", memberCardSchema, { memberId: ID, paymentMethodId: "x" }],
  ["a too long sign-up fee", signupFeeSchema, long(21)],
  ["an unknown interval", planFormSchema, { ...plan, interval: "fortnight", intervalCount: 1.5 }],
  // The browser's resolver shows the number branch's message; the server, zod's word for the union.
  ["half a trial day", planFormSchema, { ...plan, trialDays: 1.5 }],
  ["no interval or trial", planFormSchema, { ...plan, intervalCount: 0, trialDays: 0 }],
  ["too long an interval or trial", planFormSchema, { ...plan, intervalCount: 53, trialDays: 731 }],
  ["no prices to import", importPlansSchema, { priceIds: [] }],
  ["a price that is none", importPlansSchema, { priceIds: ["x"] }],
  ["too many prices to import", importPlansSchema, { priceIds: Array(101).fill("price_1") }],
  ["a fee for nothing", addFeeSchema, { subscriptionId: ID, description: "", amount: "", attempt: ID }],
  ["a fee described at length", addFeeSchema, { subscriptionId: ID, description: long(201), amount: "5", attempt: ID }],
  ["an invoice item that is none", removeFeeSchema, { subscriptionId: ID, invoiceItemId: "x" }],
  ["nobody picked", recipientFilterSchema, { kind: "picked", memberIds: [] }],
  ["unknown merge codes", campaignContentSchema, { subject: "", body: "Hello {fristname}, {Unknown}" }],
  ["a family without its paying member", familyFieldsSchema, { name: "Tanaka", payerKind: "member" }],
  ["a family without its payer's name and e-mail", familyFieldsSchema, { name: "Tanaka", payerKind: "contact" }],
  ["half a percent", familyDiscountSchema, { percent: 1.5 }],
  ["a negative discount", familyDiscountSchema, { percent: -1 }],
  ["more than everything off", familyDiscountSchema, { percent: 101 }],
  ["a profile of bad numbers", dojoProfileSchema, { name: "Dojo", vatNumber: "NL!", companyNumber: "12#", iban: "NL00", bic: "X", phone: "1", email: "nope" }],
  ["a set-password form that differs", setPortalPasswordSchema, { token: "t", password: "long enough password", confirm: "other" }],
  ["a staff login without a password", staffLoginSchema, { email: "aiko@example.test", password: "" }],
];

const issuesOf = (locale: Locale, schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input, zodParseOptions(locale));
  expect(parsed.success).toBe(false);
  return parsed.error!.issues;
};
const messagesIn = (locale: Locale, schema: z.ZodType, input: unknown) =>
  issuesOf(locale, schema, input).map((issue) => ({ raw: issue.message, shown: validationText(issue.message, translator(locale, "validation")) }));
// With a union's branches, whose messages a form shows.
const allIssues = (issues: z.core.$ZodIssue[]): z.core.$ZodIssue[] => issues.flatMap((issue) => [issue, ...(issue.code === "invalid_union" ? allIssues(issue.errors.flat()) : [])]);

describe("the schemas' messages", () => {
  it("between them, raise every validation message", () => {
    const raised = new Set(CASES.flatMap(([, schema, input]) => allIssues(issuesOf("en", schema, input)).map((issue) => readMsg(issue.message)?.key)));
    expect(Object.keys(en.validation).filter((key) => !raised.has(key))).toEqual([]);
  });

  it.each(CASES)("%s: keys, never English words, in the schema", (_, schema, input) => {
    for (const issue of issuesOf("en", schema, input)) if (issue.code !== "invalid_union") expect(readMsg(issue.message), issue.message).not.toBeNull();
  });

  const others = LOCALES.filter((l) => l !== "en");
  describe.each(others)("in %s", (locale) => {
    it.each(CASES)("%s: translated, every argument filled in", (_, schema, input) => {
      const english = messagesIn("en", schema, input);
      messagesIn(locale, schema, input).forEach(({ shown }, i) => {
        expect(shown).not.toMatch(/^validation\./);
        expect(shown).not.toMatch(/\{(min|max|currency|count|codes|allowed|megabytes|publishable|secret)[,}]/);
        if (english[i].shown.split(" ").length > 2) expect(shown).not.toBe(english[i].shown);
      });
    });
  });

  it("read in English as before", () => {
    const english = (schema: z.ZodType, input: unknown) => messagesIn("en", schema, input).map((m) => m.shown);
    expect(english(shopSettingsSchema, { enabled: true, cardPayments: true, payAtDojo: true, reservationDays: 0 })).toEqual(["Hold orders for at least 1 day"]);
    expect(english(planFormSchema, { ...plan, intervalCount: 53, trialDays: 731 })).toEqual(["At most 52", "At most 730 days (Stripe's limit)"]);
    expect(english(stripeCurrencySchema, "HRK")).toEqual(["Stripe does not take payments in HRK; choose another currency"]);
    expect(english(campaignContentSchema, { subject: "Hi", body: "Hello {fristname}" })[0]).toMatch(/^Unknown merge code \{fristname\}\. Use one of: \{firstname\} /);
    expect(english(memberImportSchema, { csv: long(MAX_IMPORT_BYTES + 1) })).toEqual(["The file is larger than 2 MB; split it into smaller files"]);
    expect(english(connectStripeSchema, { publishableKey: "pk_test_abc", secretKey: "sk_live_abc", currency: "EUR", attempt: ID })).toEqual([
      "This is a test key but the secret key is a live key: use both keys from the same mode",
    ]);
  });

  it("in Dutch, with the numbers and names filled in", () => {
    const dutch = (schema: z.ZodType, input: unknown) => messagesIn("nl", schema, input).map((m) => m.shown);
    expect(dutch(shopSettingsSchema, { enabled: true, cardPayments: true, payAtDojo: true, reservationDays: 31 })).toEqual(["Reserveer bestellingen hoogstens 30 dagen"]);
    expect(dutch(nameSchema, long(101))).toEqual(["Gebruik hoogstens 100 tekens"]);
    expect(dutch(stripeCurrencySchema, "HRK")).toEqual(["Stripe accepteert geen betalingen in HRK; kies een andere valuta"]);
    // Zod's own words for what a schema leaves to it.
    expect(dutch(inviteSchema.pick({ email: true }), { email: 42 })[0]).toMatch(/^Ongeldige invoer/);
  });
});
