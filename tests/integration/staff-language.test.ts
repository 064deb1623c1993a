import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { dojos } from "@/db/schema";
import { changeLanguage } from "@/app/(staff)/account/actions";
import { staffLocale, staffT } from "@/lib/i18n/staff-session";
import { createStaff, signedInDojo, signInAsStaff } from "../support/factories";

vi.mock("@/lib/auth/auth", () => import("../support/authjs"));
vi.mock("next-auth", () => import("../support/authjs"));

const setDojoLanguage = async (dojoId: string, language: string) => (await getDb()).update(dojos).set({ defaultLanguage: language }).where(eq(dojos.id, dojoId));

describe("the staff dashboard's language", () => {
  it("is each person's own choice: Dutch for the one who chose it, English for a colleague", async () => {
    const { dojo, user } = await signedInDojo();
    const colleague = await createStaff(dojo.id, "staff");
    expect(await changeLanguage({ language: "nl" })).toEqual({ ok: true, data: null });
    expect(await staffLocale()).toBe("nl");
    expect((await staffT("staff.shell"))("nav.members")).toBe("Leden");

    signInAsStaff(colleague);
    expect(await staffLocale()).toBe("en");
    expect((await staffT("staff.shell"))("nav.members")).toBe("Members");
    signInAsStaff(user);
    expect(await staffLocale()).toBe("nl");
  });

  it("follows the dojo's default language where the dashboard has it, else English", async () => {
    const { dojo } = await signedInDojo();
    await setDojoLanguage(dojo.id, "nl");
    expect(await staffLocale()).toBe("nl");
    await setDojoLanguage(dojo.id, "fr");
    expect(await staffLocale()).toBe("en");
  });

  it("refuses a language the dashboard does not have", async () => {
    await signedInDojo();
    const refused = await changeLanguage({ language: "fr" } as never);
    expect(refused.ok ? null : refused.fieldErrors).toMatchObject({ language: [expect.any(String)] });
    expect(await staffLocale()).toBe("en");
  });
});
