import type { DbOrTx } from "@/db/client";
import { members } from "@/db/schema";
import { isUniqueViolation } from "@/db/errors";
import { memberProfileColumns, type MemberProfile } from "./get";
import type { MemberFields } from "./schemas";
import { newUid } from "./uid";

const UID_ATTEMPTS = 5;

/**
 * Adds a member with a fresh UID. UIDs are unique across all dojos; a collision is retried
 * inside a savepoint so the caller's transaction survives the failed insert.
 */
export async function createMember(db: DbOrTx, dojoId: string, fields: MemberFields, nextUid: () => string = newUid): Promise<MemberProfile> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (sp) => {
        const [row] = await sp
          .insert(members)
          .values({ dojoId, uid: nextUid(), ...fields })
          .returning(memberProfileColumns);
        return row;
      });
    } catch (error) {
      if (attempt < UID_ATTEMPTS && isUniqueViolation(error)?.includes("uid")) continue;
      throw error;
    }
  }
}
