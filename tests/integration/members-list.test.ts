import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { Dojo } from "@/db/schema";
import { dojoHasMembers, listMembers, type MemberListQuery } from "@/lib/members/list";
import { PAGE_SIZE } from "@/lib/pagination";
import { createDojo, createMember as seedMember } from "../support/factories";

let dojo: Dojo;
let other: Dojo;

async function names(query: MemberListQuery, dojoId = dojo.id) {
  const { rows } = await listMembers(await getDb(), dojoId, query);
  return rows.map((r) => `${r.firstName} ${r.lastName}`);
}

beforeAll(async () => {
  dojo = await createDojo();
  other = await createDojo();
  await seedMember(dojo.id, { firstName: "Aiko", lastName: "Tanaka", email: "aiko@example.test", uid: "AIK2345" });
  await seedMember(dojo.id, { firstName: "Kenji", lastName: "Sato", email: "kenji.s@mail.test", uid: "KEN2345" });
  await seedMember(dojo.id, { firstName: "Yuki", lastName: "Tanabe", email: null, uid: "YUK2345", status: "inactive" });
  await seedMember(dojo.id, { firstName: "Percent", lastName: "100%_off", email: null, uid: "PCT2345" });
  // Same names in another dojo: must never show up.
  await seedMember(other.id, { firstName: "Aiko", lastName: "Tanaka", email: "aiko@other.test", uid: "OTH2345" });
  await seedMember(other.id, { firstName: "Kenji", lastName: "Sato", email: "kenji.s@mail2.test", uid: "OTH3456" });
});

describe("listing members", () => {
  it("shows active members by last name, only of this dojo", async () => {
    expect(await names({})).toEqual(["Percent 100%_off", "Kenji Sato", "Aiko Tanaka"]);
    expect(await names({ status: "inactive" })).toEqual(["Yuki Tanabe"]);
    expect(await names({ status: "all" })).toEqual(["Percent 100%_off", "Kenji Sato", "Yuki Tanabe", "Aiko Tanaka"]);
  });

  it.each([
    ["first name", "aiko", ["Aiko Tanaka"]],
    ["last name, case-insensitive", "TANA", ["Yuki Tanabe", "Aiko Tanaka"]],
    ["first and last name", "aiko tanaka", ["Aiko Tanaka"]],
    ["last and first name", "Tanaka Aiko", ["Aiko Tanaka"]],
    ["full name with extra spaces", "  kenji   sato ", ["Kenji Sato"]],
    ["e-mail", "KENJI.S@mail", ["Kenji Sato"]],
    ["e-mail domain", "example.test", ["Aiko Tanaka"]],
    ["UID", "ken2345", ["Kenji Sato"]],
    ["part of a UID", "2345", ["Percent 100%_off", "Kenji Sato", "Yuki Tanabe", "Aiko Tanaka"]],
    ["a literal % and _", "0%_", ["Percent 100%_off"]],
    ["LIKE wildcards that must not match everything", "%", ["Percent 100%_off"]],
    ["nothing that exists", "nobody", []],
  ])("searches by %s", async (_label, q, expected) => {
    expect(await names({ q, status: "all" })).toEqual(expected);
  });

  it("never finds another dojo's members, not even by their UID or e-mail", async () => {
    expect(await names({ q: "OTH2345", status: "all" })).toEqual([]);
    expect(await names({ q: "other.test", status: "all" })).toEqual([]);
    expect(await names({ q: "kenji", status: "all" })).toEqual(["Kenji Sato"]);
    const all = await listMembers(await getDb(), dojo.id, { status: "all" });
    expect(all.total).toBe(4);
  });

  it("paginates with totals that match the filter", async () => {
    const big = await createDojo();
    for (let i = 0; i < PAGE_SIZE + 7; i++) await seedMember(big.id, { firstName: "Member", lastName: `N${String(i).padStart(3, "0")}` });
    for (let i = 0; i < 3; i++) await seedMember(big.id, { firstName: "Gone", lastName: `X${i}`, status: "inactive" });
    const db = await getDb();
    const first = await listMembers(db, big.id, { page: 1 });
    const second = await listMembers(db, big.id, { page: 2 });
    const beyond = await listMembers(db, big.id, { page: 3 });
    expect(first).toMatchObject({ total: PAGE_SIZE + 7, page: 1, pageSize: PAGE_SIZE });
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(second.rows).toHaveLength(7);
    expect(second.total).toBe(PAGE_SIZE + 7);
    expect(beyond.rows).toHaveLength(0);
    expect(beyond.total).toBe(PAGE_SIZE + 7);
    const ids = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(PAGE_SIZE + 7);
    expect((await listMembers(db, big.id, { status: "all" })).total).toBe(PAGE_SIZE + 10);
    expect((await listMembers(db, big.id, { status: "inactive" })).total).toBe(3);
    expect((await listMembers(db, big.id, { q: "N00", status: "all" })).total).toBe(10);
    // A search's page and total come from one query; a page past the end still knows the total.
    const searched = await listMembers(db, big.id, { q: "member n", page: 2 });
    expect(searched).toMatchObject({ total: PAGE_SIZE + 7, page: 2 });
    expect(searched.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));
    expect(await listMembers(db, big.id, { q: "member n", page: 3 })).toMatchObject({ rows: [], total: PAGE_SIZE + 7 });
  });

  it("tells an empty dojo from an empty search", async () => {
    const empty = await createDojo();
    const db = await getDb();
    expect(await dojoHasMembers(db, empty.id)).toBe(false);
    expect(await dojoHasMembers(db, dojo.id)).toBe(true);
  });

  it("never returns password hashes", async () => {
    const { rows } = await listMembers(await getDb(), dojo.id, {});
    for (const row of rows) expect(Object.keys(row)).not.toContain("passwordHash");
  });
});
