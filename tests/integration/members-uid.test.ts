import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { members } from "@/db/schema";
import { createMember } from "@/lib/members/create";
import { memberFieldsSchema } from "@/lib/members/schemas";
import { isUid } from "@/lib/members/uid";
import { addMember } from "@/app/(staff)/members/actions";
import { createDojo, createMember as seedMember, signedInDojo } from "../support/factories";

const fields = memberFieldsSchema.parse({ firstName: "Aiko", lastName: "Tanaka" });

/** A UID generator that hands out the given values in order. */
function sequence(...uids: string[]) {
  let i = 0;
  return () => uids[Math.min(i++, uids.length - 1)];
}

describe("member UID allocation", () => {
  it("retries with a new UID when the first one is taken in another dojo", async () => {
    const other = await createDojo();
    await seedMember(other.id, { uid: "TAKEN22" });
    const dojo = await createDojo();
    const db = await getDb();
    const created = await db.transaction(async (tx) => {
      const member = await createMember(tx, dojo.id, fields, sequence("TAKEN22", "FRESH22"));
      // The failed insert ran in a savepoint: the surrounding transaction is still usable.
      await tx.select().from(members).where(eq(members.id, member.id));
      return member;
    });
    expect(created.uid).toBe("FRESH22");
    const [row] = await db.select().from(members).where(eq(members.id, created.id));
    expect(row).toMatchObject({ dojoId: dojo.id, uid: "FRESH22", firstName: "Aiko" });
  });

  it("gives up after a few collisions and writes nothing", async () => {
    const dojo = await createDojo();
    await seedMember(dojo.id, { uid: "ALWAYS2" });
    const db = await getDb();
    let calls = 0;
    const alwaysTaken = () => {
      calls++;
      return "ALWAYS2";
    };
    await expect(createMember(db, dojo.id, fields, alwaysTaken)).rejects.toThrow();
    expect(calls).toBe(5);
    expect(await db.$count(members, eq(members.dojoId, dojo.id))).toBe(1);
  });

  it("does not retry other failures", async () => {
    const db = await getDb();
    let calls = 0;
    const missingDojo = "00000000-0000-4000-8000-000000000000";
    await expect(createMember(db, missingDojo, fields, () => (calls++, "NODOJO2"))).rejects.toThrow();
    expect(calls).toBe(1);
  });

  it("gives every member created through the action a distinct, well-formed UID", async () => {
    await signedInDojo();
    const uids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const result = await addMember({ firstName: `M${i}`, lastName: "Uid" });
      if (!result.ok) throw new Error(result.error);
      uids.push(result.data.uid);
    }
    expect(uids.every(isUid)).toBe(true);
    expect(new Set(uids).size).toBe(uids.length);
  });
});
