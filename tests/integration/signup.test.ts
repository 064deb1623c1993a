import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { dojos, staffUsers } from "@/db/schema";
import { signUpDojo, signupSchema } from "@/lib/dojos/signup";
import { verifyPassword } from "@/lib/auth/password";
import { ActionError } from "@/lib/action-result";

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
    await expect(signUpDojo(db, input)).rejects.toSatisfy((e: unknown) => e instanceof ActionError && !!e.fieldErrors?.slug);
    expect(await db.$count(dojos)).toBe(before);
  });

  it("refuses a taken e-mail and rolls back the dojo", async () => {
    const db = await getDb();
    const input = signupSchema.parse({ ...valid, slug: "another-dojo" });
    await expect(signUpDojo(db, input)).rejects.toSatisfy((e: unknown) => e instanceof ActionError && !!e.fieldErrors?.email);
    expect(await db.select().from(dojos).where(eq(dojos.slug, "another-dojo"))).toHaveLength(0);
  });

  it("validates slug, currency and password", () => {
    const result = signupSchema.safeParse({ ...valid, slug: "A", currency: "EURO", password: "short" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["slug", "currency", "password"]));
  });
});
