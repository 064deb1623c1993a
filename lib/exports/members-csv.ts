import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members } from "@/db/schema";
import { afterCursor, csvTimestamp, cursorColumns, keysetCsvStream, type SortKey } from "./keyset-csv";

// The import (lib/members/import) reads these headers back, so an export re-imports as it is.
export const MEMBER_CSV_HEADER = ["UID", "First name", "Last name", "E-mail", "Phone", "Birth date", "Address", "Notes", "Status", "Member since (UTC)"];

// In the order members joined; rows of one day by the moment they were added.
const KEYS: SortKey[] = [
  { column: members.createdAt, cast: "timestamptz" },
  { column: members.id, cast: "uuid" },
];

/** Every member of the dojo, active and inactive, as CSV. */
export function membersCsvStream(db: DbOrTx, dojoId: string): ReadableStream<Uint8Array> {
  return keysetCsvStream({
    header: MEMBER_CSV_HEADER,
    keys: KEYS.length,
    fetch: (cursor, limit) =>
      db
        .select({
          uid: members.uid,
          firstName: members.firstName,
          lastName: members.lastName,
          email: members.email,
          phone: members.phone,
          birthDate: members.birthDate,
          address: members.address,
          notes: members.notes,
          status: members.status,
          createdAt: members.createdAt,
          ...cursorColumns(KEYS),
        })
        .from(members)
        .where(and(eq(members.dojoId, dojoId), afterCursor(KEYS, cursor)))
        .orderBy(...KEYS.map((k) => asc(k.column)))
        .limit(limit),
    cells: (m) => [m.uid, m.firstName, m.lastName, m.email, m.phone, m.birthDate, m.address, m.notes, m.status, csvTimestamp(m.createdAt)],
  });
}
