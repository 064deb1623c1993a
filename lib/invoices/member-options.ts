import { and, asc, eq, ilike, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members } from "@/db/schema";
import { containsPattern } from "@/lib/search-pattern";
import { memberFullName } from "@/lib/members/full-name";
import { idSchema } from "@/lib/validation/common";

export interface MemberOption {
  id: string;
  name: string;
  uid: string;
  status: "active" | "inactive";
}

const columns = {
  id: members.id,
  name: memberFullName(),
  uid: members.uid,
  status: members.status,
};

/** Members for the invoice form's picker: a few matches by name, e-mail or UID, active first. */
export async function searchMemberOptions(db: DbOrTx, dojoId: string, q: string, limit = 20): Promise<MemberOption[]> {
  const like = containsPattern(q.trim());
  return db
    .select(columns)
    .from(members)
    .where(
      and(
        eq(members.dojoId, dojoId),
        q.trim() ? or(ilike(memberFullName(), like), ilike(members.email, like), ilike(members.uid, like)) : undefined,
      ),
    )
    .orderBy(asc(members.status), asc(members.lastName), asc(members.firstName))
    .limit(limit);
}

export async function getMemberOption(db: DbOrTx, dojoId: string, memberId: string): Promise<MemberOption | null> {
  if (!idSchema.safeParse(memberId).success) return null;
  const [row] = await db.select(columns).from(members).where(and(eq(members.id, memberId), eq(members.dojoId, dojoId)));
  return row ?? null;
}
