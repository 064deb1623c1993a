import { sql } from "drizzle-orm";
import { members } from "@/db/schema";

/** "First Last" in SQL, for selecting and searching by the name as people write it. */
export function memberFullName() {
  return sql<string>`${members.firstName} || ' ' || ${members.lastName}`;
}
