import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { dojos, staffUsers } from "@/db/schema";
import { addMember } from "@/app/(staff)/members/actions";
import { setMyLanguageAction } from "@/app/portal/(member)/actions";
import { pauseMySubscriptionAction } from "@/app/portal/(member)/subscription-actions";
import { signUp } from "@/app/(auth)/signup/actions";
import { createDojo, createMember, createStaff, signInAsMember, signInAsStaff } from "../support/factories";

vi.mock("@/lib/auth/auth", () => import("../support/authjs"));
vi.mock("next-auth", () => import("../support/authjs"));
let acceptLanguage = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "accept-language": acceptLanguage, "x-forwarded-for": "203.0.113.91" }) }));

const badMember = { firstName: "", lastName: "x".repeat(101), birthDate: "2999-01-01" };
const badPause = { subscriptionId: "42", resumeOn: "2026-13-45", attempt: randomUUID() };

async function staffIn(language: "en" | "nl") {
  const dojo = await createDojo();
  const user = await createStaff(dojo.id);
  await (await getDb()).update(staffUsers).set({ language }).where(eq(staffUsers.id, user.id));
  signInAsStaff(user);
}

describe("field errors in the language of whoever filled in the form", () => {
  it("a Dutch staff member adding a member gets them in Dutch", async () => {
    await staffIn("nl");
    expect(await addMember(badMember)).toEqual({
      ok: false,
      error: "Verbeter de gemarkeerde velden.",
      fieldErrors: { firstName: ["Verplicht"], lastName: ["Gebruik hoogstens 100 tekens"], birthDate: ["Een geboortedatum kan niet in de toekomst liggen"] },
    });
  });

  it("an English colleague gets the same errors in English, as before", async () => {
    await staffIn("en");
    expect(await addMember(badMember)).toEqual({
      ok: false,
      error: "Please correct the highlighted fields.",
      fieldErrors: { firstName: ["Required"], lastName: ["Use at most 100 characters"], birthDate: ["A birth date cannot be in the future"] },
    });
  });

  it("a Dutch member in the members area gets them in Dutch, zod's own words too", async () => {
    const dojo = await createDojo();
    signInAsMember(await createMember(dojo.id, { language: "nl" }));
    expect(await pauseMySubscriptionAction(badPause)).toEqual({ ok: false, error: "Verbeter de gemarkeerde velden.", fieldErrors: { subscriptionId: ["Niet gevonden"], resumeOn: ["Vul een geldige datum in"] } });
    const language = await setMyLanguageAction({ language: "xx" } as never);
    expect(language.ok ? null : language.fieldErrors?.language?.[0]).toMatch(/^Ongeldige optie/);
  });

  it("a member without a language of their own gets the dojo's (French), and an English member English", async () => {
    const dojo = await createDojo();
    await (await getDb()).update(dojos).set({ defaultLanguage: "fr" }).where(eq(dojos.id, dojo.id));
    signInAsMember(await createMember(dojo.id));
    expect(await pauseMySubscriptionAction(badPause)).toMatchObject({ fieldErrors: { subscriptionId: ["Introuvable"], resumeOn: ["Indiquez une date valide"] } });

    signInAsMember(await createMember(dojo.id, { language: "en" }));
    expect(await pauseMySubscriptionAction(badPause)).toMatchObject({ fieldErrors: { subscriptionId: ["Not found"], resumeOn: ["Enter a valid date"] } });
  });

  it("the sign-up form answers in the browser's language", async () => {
    const form = { dojoName: "K", slug: "admin", currency: "EUR", ownerName: "Aiko", email: "aiko@example.test", password: "long enough password" };
    acceptLanguage = "nl-BE,nl;q=0.9,en;q=0.8";
    expect(await signUp(form)).toMatchObject({ ok: false, fieldErrors: { dojoName: ["Vul de naam van uw dojo in"], slug: ["Dat adres is gereserveerd"] } });
    acceptLanguage = "";
    expect(await signUp(form)).toMatchObject({ ok: false, fieldErrors: { dojoName: ["Enter your dojo's name"], slug: ["That address is reserved"] } });
  });
});
