import { endStaffSessions } from "@/lib/auth/end-sessions";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { refused } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { StaffContext } from "@/lib/auth/session";

export async function changeOwnName(db: Db, ctx: StaffContext, name: string) {
  await db.update(staffUsers).set({ name }).where(and(eq(staffUsers.id, ctx.user.id), eq(staffUsers.dojoId, ctx.dojo.id)));
}

export async function changeOwnLanguage(db: Db, ctx: StaffContext, language: string) {
  await db.update(staffUsers).set({ language }).where(and(eq(staffUsers.id, ctx.user.id), eq(staffUsers.dojoId, ctx.dojo.id)));
}

/** Needs the current password; ends every session of the account, this one included. */
export async function changeOwnPassword(db: Db, ctx: StaffContext, currentPassword: string, newPassword: string) {
  const [row] = await db.select({ hash: staffUsers.passwordHash }).from(staffUsers).where(and(eq(staffUsers.id, ctx.user.id), eq(staffUsers.dojoId, ctx.dojo.id)));
  if (!(await verifyPassword(row?.hash, currentPassword))) {
    throw refused("staff.wrong_current_password");
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(staffUsers).set({ passwordHash }).where(and(eq(staffUsers.id, ctx.user.id), eq(staffUsers.dojoId, ctx.dojo.id)));
    await endStaffSessions(tx, ctx.user.id);
  });
}
