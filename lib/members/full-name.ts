import { sql } from "drizzle-orm";
import { members } from "@/db/schema";

/** "First Last": how a member is named on every page, mail and document. */
export function fullName(member: { firstName: string; lastName: string }): string {
  return `${member.firstName} ${member.lastName}`;
}

/** The same name in SQL, for selecting and searching by the name as people write it. */
export function memberFullName() {
  return sql<string>`${members.firstName} || ' ' || ${members.lastName}`;
}
