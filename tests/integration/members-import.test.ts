import { describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { members } from "@/db/schema";
import { importMembersAction, previewMemberImportAction } from "@/app/(staff)/members/import/actions";
import { GET as exportMembers } from "@/app/(staff)/members/export/route";
import { importMembers } from "@/lib/members/import/import-members";
import { isUid } from "@/lib/members/uid";
import { createDojo, createMember, signedInDojo } from "../support/factories";

const HEADER = "First name,Last name,E-mail,Phone,Birth date,Notes";

function row(i: number) {
  return `Given${i},Family${i},member${i}@import.test,+41 79 000 ${String(i).padStart(4, "0")},1990-01-${String((i % 28) + 1).padStart(2, "0")},"Belt: ${i % 2 ? "white" : "yellow, 2nd kyu"}"`;
}

/** 500 members; with `bad`, rows 12, 250 and 499 (spreadsheet numbers, the header is row 1) are broken. */
function file500(bad: boolean) {
  const lines = Array.from({ length: 500 }, (_, i) => row(i + 1));
  if (bad) {
    lines[10] = ",NoFirstName,nofirst@import.test,,,"; // row 12: first name missing
    lines[248] = "Bad,Mail,not-an-email,,,"; // row 250: e-mail invalid
    lines[497] = "Twin,Mail,member3@import.test,,,"; // row 499: e-mail of row 4 again
  }
  return [HEADER, ...lines].join("\r\n");
}

const countIn = async (dojoId: string) => (await getDb()).$count(members, eq(members.dojoId, dojoId));

describe("member import from CSV", () => {
  it("refuses a 500-row file with 3 bad rows with exactly those 3 errors and imports nothing; the fixed file imports 500", async () => {
    const { dojo } = await signedInDojo();

    const preview = await previewMemberImportAction({ csv: file500(true) });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.data.total).toBe(500);
    expect(preview.data.errors).toEqual([
      { row: 12, messages: ["First name: Required"] },
      { row: 250, messages: ["E-mail: Enter a valid e-mail address (“not-an-email”)"] },
      { row: 499, messages: ["E-mail: member3@import.test is also on row 4"] },
    ]);
    expect(preview.data.sample[0]).toEqual({ row: 2, cells: expect.objectContaining({ firstName: "Given1", lastName: "Family1", email: "member1@import.test" }) });
    expect(preview.data.columns.map((c) => c.field)).toEqual(["firstName", "lastName", "email", "phone", "birthDate", "notes"]);

    const refused = await importMembersAction({ csv: file500(true) });
    expect(refused).toEqual({
      ok: false,
      error: "3 rows have errors: nothing was imported. Correct the file and upload it again.",
      fieldErrors: {
        "row.12": ["First name: Required"],
        "row.250": ["E-mail: Enter a valid e-mail address (“not-an-email”)"],
        "row.499": ["E-mail: member3@import.test is also on row 4"],
      },
    });
    expect(await countIn(dojo.id)).toBe(0);

    const imported = await importMembersAction({ csv: file500(false) });
    expect(imported).toEqual({ ok: true, data: { imported: 500 } });
    expect(await countIn(dojo.id)).toBe(500);
    const rows = await (await getDb()).select().from(members).where(eq(members.dojoId, dojo.id)).orderBy(asc(members.createdAt), asc(members.id));
    // In the file's order, each with its own fresh UID, fields normalised as the form does.
    expect(rows.map((m) => m.firstName)).toEqual(Array.from({ length: 500 }, (_, i) => `Given${i + 1}`));
    expect(rows.every((m) => isUid(m.uid))).toBe(true);
    expect(new Set(rows.map((m) => m.uid)).size).toBe(500);
    expect(rows[1]).toMatchObject({ lastName: "Family2", email: "member2@import.test", phone: "+41 79 000 0002", birthDate: "1990-01-03", notes: "Belt: yellow, 2nd kyu", status: "active" });

    // The same file again: every row is now a duplicate of a member of the dojo.
    const again = await importMembersAction({ csv: file500(false) });
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(Object.keys(again.fieldErrors ?? {})).toHaveLength(500);
    expect(again.fieldErrors?.["row.2"]).toEqual([`E-mail: member1@import.test already belongs to Given1 Family1 (UID ${rows[0].uid})`]);
    expect(await countIn(dojo.id)).toBe(500);
  }, 120_000);

  it("reads semicolons, quoted line breaks, a byte-order mark, other header names and ignores unknown columns", async () => {
    const { dojo } = await signedInDojo();
    const csv = '\uFEFFSurname;Given name;Email address;Date of birth;Address;Membership no.\r\nTanaka;Aiko;AIKO@Example.test;1990-04-01;"1-2-3 Shibuya\nTokyo";17\r\n\r\n';
    const preview = await previewMemberImportAction({ csv });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.data.columns).toEqual([
      { header: "Surname", field: "lastName" },
      { header: "Given name", field: "firstName" },
      { header: "Email address", field: "email" },
      { header: "Date of birth", field: "birthDate" },
      { header: "Address", field: "address" },
      { header: "Membership no.", field: null },
    ]);
    expect(preview.data).toMatchObject({ total: 1, errors: [] });
    expect(await importMembersAction({ csv })).toEqual({ ok: true, data: { imported: 1 } });
    const [aiko] = await (await getDb()).select().from(members).where(eq(members.dojoId, dojo.id));
    expect(aiko).toMatchObject({ firstName: "Aiko", lastName: "Tanaka", email: "aiko@example.test", birthDate: "1990-04-01", address: "1-2-3 Shibuya\nTokyo" });
  });

  it("reads the Dutch column names the Dutch import page asks for", async () => {
    const { dojo } = await signedInDojo();
    const csv = "Voornaam,Achternaam,E-mail,Telefoon,Geboortedatum,Adres,Notities\nSanne,de Vries,sanne@import.test,06 12345678,2001-02-03,Dorpsstraat 1,Groene band\n";
    const preview = await previewMemberImportAction({ csv });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.data.columns.map((c) => c.field)).toEqual(["firstName", "lastName", "email", "phone", "birthDate", "address", "notes"]);
    expect(await importMembersAction({ csv })).toEqual({ ok: true, data: { imported: 1 } });
    const [sanne] = await (await getDb()).select().from(members).where(eq(members.dojoId, dojo.id));
    expect(sanne).toMatchObject({ firstName: "Sanne", lastName: "de Vries", phone: "06 12345678", birthDate: "2001-02-03", address: "Dorpsstraat 1", notes: "Groene band" });
  });

  it("reports every problem of a row, with its spreadsheet row number", async () => {
    const { dojo } = await signedInDojo();
    const taken = await createMember(dojo.id, { firstName: "Ben", lastName: "Okafor", email: "ben@import.test" });
    const other = await createMember((await createDojo()).id, { firstName: "Elsewhere" });
    const csv = [
      "UID,First name,Last name,E-mail,Birth date,Status",
      `${taken.uid},Ben,Again,,,`,
      `${other.uid},Other,Dojo,,,`,
      "ABC,Short,Uid,,,",
      ",Ben,Twice,BEN@import.test,,",
      ",Date,Wrong,,23.04.1990,",
      ",Status,Wrong,,,paused",
      ',Too,Many,,,,extra',
      "22222,,,,2999-01-01,",
      ",Fine,Row,,,inactive",
    ].join("\n");
    const preview = await previewMemberImportAction({ csv });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.data.errors).toEqual([
      { row: 2, messages: [`UID: ${taken.uid} already belongs to Ben Okafor; leave it empty to give the member a new one`] },
      { row: 3, messages: [`UID: ${other.uid} is already taken; leave it empty to give the member a new one`] },
      { row: 4, messages: ["UID: “ABC” is not a Tatami UID (7 letters and digits); leave it empty to give the member a new one"] },
      { row: 5, messages: ["E-mail: ben@import.test already belongs to Ben Okafor (UID " + taken.uid + ")"] },
      { row: 6, messages: ["Birth date: “23.04.1990” is not a date in the form YYYY-MM-DD (e.g. 1990-04-23)"] },
      { row: 7, messages: ["Status: “paused” must be active or inactive (empty means active)"] },
      { row: 8, messages: ["Has 7 cells but the header names 6 columns (an unquoted separator in a cell?)"] },
      {
        row: 9,
        messages: [
          "First name: Required",
          "Last name: Required",
          "Birth date: A birth date cannot be in the future",
          "UID: “22222” is not a Tatami UID (7 letters and digits); leave it empty to give the member a new one",
        ],
      },
    ]);
    // Nothing names the other dojo's member.
    expect(JSON.stringify(preview.data)).not.toContain("Elsewhere");
    expect(await countIn(dojo.id)).toBe(1);
  });

  it("refuses a file without the name columns, or without rows, as a whole", async () => {
    await signedInDojo();
    expect(await previewMemberImportAction({ csv: "E-mail,Phone\na@b.test,1\n" })).toMatchObject({
      ok: false,
      fieldErrors: { file: ["No First name or Last name column was found. The first row must name the columns, e.g. “First name,Last name,E-mail”."] },
    });
    expect(await previewMemberImportAction({ csv: "First name,Last name\n" })).toMatchObject({ ok: false, error: "The file has a header row but no members below it." });
    expect(await previewMemberImportAction({ csv: "First name,Name,Last name,Surname\nA,B,C,D\n" })).toMatchObject({ ok: false, error: "Two columns are read as Last name: “Last name” and “Surname”. Rename or remove one." });
    expect(await previewMemberImportAction({ csv: "" })).toMatchObject({ ok: false, fieldErrors: { csv: ["Choose a CSV file"] } });
  });

  it("imports what the member export wrote, phone numbers guarded against formulas included", async () => {
    const { dojo } = await signedInDojo();
    await createMember(dojo.id, { firstName: "Aiko", lastName: "Tanaka", phone: "+81 3 1234", email: "aiko@export.test", notes: "=1+1" });
    const csv = await (await exportMembers()).text();
    expect(csv).toContain("'+81 3 1234");
    const target = await signedInDojo();
    // UIDs are unique across dojos: moving members keeps nothing but the UID column out.
    const withoutUid = csv.replace(/^[^,]*,/gm, ",");
    expect(await importMembersAction({ csv: withoutUid })).toEqual({ ok: true, data: { imported: 1 } });
    const [copy] = await (await getDb()).select().from(members).where(eq(members.dojoId, target.dojo.id));
    expect(copy).toMatchObject({ firstName: "Aiko", phone: "+81 3 1234", notes: "=1+1", email: "aiko@export.test" });
  });

  it("retries a new UID that collides with another dojo's, inside the import's transaction", async () => {
    const { dojo } = await signedInDojo();
    const other = await createMember((await createDojo()).id);
    const uids = [other.uid, "XYZ2345"];
    const db = await getDb();
    const result = await db.transaction((tx) => importMembers(tx, dojo.id, "First name,Last name\nAiko,Tanaka\n", () => uids.shift() ?? "XYZ2346"));
    expect(result).toEqual({ imported: 1 });
    const [row] = await db.select().from(members).where(eq(members.dojoId, dojo.id));
    expect(row.uid).toBe("XYZ2345");
  });

  it("is refused without a staff session", async () => {
    const { dojo } = await signedInDojo();
    const { actAs } = await import("../support/factories");
    actAs(null);
    expect(await importMembersAction({ csv: "First name,Last name\nA,B\n" })).toMatchObject({ ok: false, error: "Your session has ended. Please log in again." });
    expect(await countIn(dojo.id)).toBe(0);
  });
});
