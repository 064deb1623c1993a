import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members } from "@/db/schema";
import { NotFoundError } from "@/lib/action-result";
import { memberProfileColumns, type MemberProfile } from "./get";
import type { MemberFields } from "./schemas";

export async function updateMember(db: DbOrTx, dojoId: string, id: string, fields: MemberFields): Promise<MemberProfile> {
  const [row] = await db
    .update(members)
    .set({ ...fields, updatedAt: new Date() })
    .where(and(eq(members.id, id), eq(members.dojoId, dojoId)))
    .returning(memberProfileColumns);
  if (!row) throw new NotFoundError("Member");
  return row;
}
