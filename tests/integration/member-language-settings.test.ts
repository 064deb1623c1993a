import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { dojos, members } from "@/db/schema";
import { addMember, editMember } from "@/app/(staff)/members/actions";
import { saveDojoProfileAction } from "@/app/(staff)/settings/profile/actions";
import { signedInDojo } from "../support/factories";

const languageOf = async (id: string) => (await (await getDb()).select({ language: members.language }).from(members).where(eq(members.id, id)))[0].language;

describe("choosing languages", () => {
  it("staff set a member's language, clear it back to the dojo's default, and cannot set an unknown one", async () => {
    await signedInDojo();
    const added = await addMember({ firstName: "Sanne", lastName: "de Vries", language: "nl" });
    if (!added.ok) throw new Error(added.error);
    expect(await languageOf(added.data.id)).toBe("nl");
    expect((await editMember({ id: added.data.id, firstName: "Sanne", lastName: "de Vries", language: "" })).ok).toBe(true);
    expect(await languageOf(added.data.id)).toBeNull();
    const refused = await editMember({ id: added.data.id, firstName: "Sanne", lastName: "de Vries", language: "xx" });
    expect(refused.ok ? null : refused.fieldErrors).toMatchObject({ language: [expect.any(String)] });
  });

  it("the owner sets the dojo's default language", async () => {
    const { dojo } = await signedInDojo();
    const form = new FormData();
    form.set("name", dojo.name);
    form.set("defaultLanguage", "fr");
    expect((await saveDojoProfileAction(form)).ok).toBe(true);
    expect((await (await getDb()).select({ language: dojos.defaultLanguage }).from(dojos).where(eq(dojos.id, dojo.id)))[0].language).toBe("fr");
  });
});
