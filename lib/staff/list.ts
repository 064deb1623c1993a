import { asc, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { staffInvitations, staffUsers } from "@/db/schema";
import { pendingInvitationsOf } from "./seats";

export async function listStaff(db: DbOrTx, dojoId: string) {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email, role: staffUsers.role, active: staffUsers.active, createdAt: staffUsers.createdAt })
    .from(staffUsers)
    .where(eq(staffUsers.dojoId, dojoId))
    .orderBy(desc(staffUsers.active), asc(staffUsers.name));
}

export async function listPendingInvitations(db: DbOrTx, dojoId: string, now = new Date()) {
  return db
    .select({ id: staffInvitations.id, name: staffInvitations.name, email: staffInvitations.email, role: staffInvitations.role, expiresAt: staffInvitations.expiresAt })
    .from(staffInvitations)
    .where(pendingInvitationsOf(dojoId, now))
    .orderBy(desc(staffInvitations.createdAt));
}

export type StaffRow = Awaited<ReturnType<typeof listStaff>>[number];
export type InvitationRow = Awaited<ReturnType<typeof listPendingInvitations>>[number];
