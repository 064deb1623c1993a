import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { dojos, signupRequests, staffUsers } from "@/db/schema";
import { signUp } from "@/app/(auth)/signup/actions";
import { confirmSignupAction } from "@/app/(auth)/signup/confirm/[token]/actions";
import { signupSchema } from "@/lib/dojos/signup";
import { signUpDojo } from "@/tests/support/sign-up-dojo";
import { signupConfirmUrl } from "@/lib/dojos/signup-link";
import { confirmSignup, requestSignup, SIGNUP_LINK_TTL_MS } from "@/lib/dojos/signup-request";
import { inboxFor, type InboxMail } from "../support/card-payment";
import { deliverMail } from "../support/mail";
import { verifyPassword } from "@/lib/auth/password";
import { refusalOf, wordsOf } from "../support/refusal";

let ip = "203.0.113.80";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": ip }) }));

const valid = { dojoName: "Kyoto Karate", slug: "kyoto-karate", currency: "eur", ownerName: "Aiko Tanaka", email: "Aiko@Example.test", password: "long enough password" };

describe("signing up a dojo", () => {
  it("creates the dojo and its owner with an argon2id hash", async () => {
    const db = await getDb();
    const input = signupSchema.parse(valid);
    const { dojoId, ownerId } = await signUpDojo(db, input);
    const [dojo] = await db.select().from(dojos).where(eq(dojos.id, dojoId));
    expect(dojo).toMatchObject({ name: "Kyoto Karate", slug: "kyoto-karate", currency: "EUR" });
    const [owner] = await db.select().from(staffUsers).where(eq(staffUsers.id, ownerId));
    expect(owner).toMatchObject({ role: "owner", email: "aiko@example.test", dojoId });
    expect(owner.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(owner.passwordHash, "long enough password")).toBe(true);
  });

  it("refuses a taken slug with a field error and writes nothing", async () => {
    const db = await getDb();
    const input = signupSchema.parse({ ...valid, email: "other@example.test" });
    const before = await db.$count(dojos);
    expect((await refusalOf(signUpDojo(db, input))).fieldErrors?.slug).toEqual(["That address is taken — try another"]);
    expect(await db.$count(dojos)).toBe(before);
  });

  it("refuses a taken e-mail and rolls back the dojo", async () => {
    const db = await getDb();
    const input = signupSchema.parse({ ...valid, slug: "another-dojo" });
    expect((await refusalOf(signUpDojo(db, input))).fieldErrors?.email).toEqual(["This e-mail already has an account — log in instead"]);
    expect(await db.select().from(dojos).where(eq(dojos.slug, "another-dojo"))).toHaveLength(0);
  });

  it("validates slug, currency and password", () => {
    const result = signupSchema.safeParse({ ...valid, slug: "A", currency: "EURO", password: "short" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["slug", "currency", "password"]));
  });
});

describe("the sign-up form: no account enumeration, the address confirmed by mail", () => {
  const form = (n: string, email: string) => ({ dojoName: `Dojo ${n}`, slug: `dojo-${n}-${Date.now()}`, currency: "EUR", ownerName: "Ren Sato", email, password: "long enough password" });
  const linkIn = (mail: InboxMail) => /\/signup\/confirm\/[A-Za-z0-9._-]+/.exec(mail.text)?.[0];

  it("answers the same for a known and a new address, and the mail tells which", async () => {
    const db = await getDb();
    const known = `known-${Date.now()}@example.test`;
    const fresh = `fresh-${Date.now()}@example.test`;
    await signUpDojo(db, signupSchema.parse(form("known", known)));
    const dojosBefore = await db.$count(dojos);

    const a = await signUp(form("a", known));
    const b = await signUp(form("b", fresh));
    expect(a).toEqual({ ok: true, data: { sentTo: known } });
    expect(b).toEqual({ ok: true, data: { sentTo: fresh } });
    // Nothing is created before the link is followed.
    expect(await db.$count(dojos)).toBe(dojosBefore);
    expect(await db.select().from(staffUsers).where(eq(staffUsers.email, fresh))).toHaveLength(0);

    await deliverMail();
    const [knownMail] = await inboxFor(known);
    expect(knownMail).toMatchObject({ subject: "You already have a Tatami account" });
    expect(linkIn(knownMail!)).toBeUndefined();
    const [freshMail] = await inboxFor(fresh);
    expect(freshMail).toMatchObject({ subject: "Confirm your e-mail to create Dojo b" });
    const link = linkIn(freshMail!)!;
    const token = link.split("/signup/confirm/")[1]!;

    // Following the link creates the dojo and its owner with the chosen password, once.
    expect(await confirmSignupAction({ token })).toEqual({ ok: true, data: { redirectTo: "/login?welcome=1" } });
    const [owner] = await db.select().from(staffUsers).where(eq(staffUsers.email, fresh));
    expect(owner).toMatchObject({ role: "owner" });
    expect(await verifyPassword(owner!.passwordHash, "long enough password")).toBe(true);
    expect(await confirmSignupAction({ token })).toEqual({ ok: false, error: expect.stringContaining("already set up") });
    expect(await db.$count(dojos)).toBe(dojosBefore + 1);
  });

  it("refuses a tampered or expired link and writes nothing", async () => {
    const db = await getDb();
    const email = `late-${Date.now()}@example.test`;
    const { sentTo } = await requestSignup(db, signupSchema.parse(form("late", email)));
    expect(sentTo).toBe(email);
    const [request] = await db.select().from(signupRequests).where(eq(signupRequests.email, email));
    const token = signupConfirmUrl(request!.id).split("/signup/confirm/")[1]!;
    const before = await db.$count(dojos);
    expect(await confirmSignupAction({ token: token.slice(0, -2) + "xx" })).toEqual({ ok: false, error: expect.stringContaining("not valid") });
    await expect(wordsOf(confirmSignup(db, token, new Date(Date.now() + SIGNUP_LINK_TTL_MS + 1000)))).resolves.toMatch(/expired/);
    expect(await db.$count(dojos)).toBe(before);
  });

  it("is throttled per address before any password is hashed, and per e-mail", async () => {
    ip = "203.0.113.90";
    const email = `flood-${Date.now()}@example.test`;
    for (let i = 0; i < 3; i++) expect(await signUp(form(`f${i}`, email))).toMatchObject({ ok: true });
    // A fourth mail to the same inbox within the hour is refused…
    expect(await signUp(form("f3", email))).toEqual({ ok: false, error: expect.stringMatching(/^Too many attempts\. Try again in \d+ minutes\.$/) });
    // …and so is the eleventh sign-up from one address, whatever the e-mail.
    for (let i = 4; i < 10; i++) await signUp(form(`g${i}`, `other-${i}-${email}`));
    expect(await signUp(form("g10", `last-${email}`))).toEqual({ ok: false, error: expect.stringMatching(/^Too many attempts/) });
    ip = "203.0.113.91";
    expect(await signUp(form("g11", `elsewhere-${email}`))).toMatchObject({ ok: true });
  });
});
