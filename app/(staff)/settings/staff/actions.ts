"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { staffAction } from "@/lib/action";
import { env } from "@/lib/env";
import { changeStaffRole } from "@/lib/staff/change-role";
import { inviteStaff } from "@/lib/staff/invite";
import { revokeInvitation } from "@/lib/staff/revoke-invitation";
import { changeRoleSchema, invitationIdSchema, inviteSchema, setActiveSchema } from "@/lib/staff/schemas";
import { setStaffActive } from "@/lib/staff/set-active";

const PATH = "/settings/staff";

export const inviteStaffMember = staffAction({ schema: inviteSchema, permission: "staff.manage" }, async (input, ctx) => {
  const result = await inviteStaff(await getDb(), ctx, input);
  revalidatePath(PATH);
  // The mail is queued with the invitation and goes out in a moment (when e-mail is configured).
  return { ...result, emailed: env().RESEND_API_KEY ? input.email : null };
});

export const revokeStaffInvitation = staffAction({ schema: invitationIdSchema, permission: "staff.manage" }, async ({ invitationId }, ctx) => {
  await revokeInvitation(await getDb(), ctx.dojo.id, invitationId);
  revalidatePath(PATH);
  return null;
});

export const changeRole = staffAction({ schema: changeRoleSchema, permission: "staff.manage" }, async ({ staffId, role }, ctx) => {
  await changeStaffRole(await getDb(), ctx, staffId, role);
  revalidatePath(PATH);
  return null;
});

export const setActive = staffAction({ schema: setActiveSchema, permission: "staff.manage" }, async ({ staffId, active }, ctx) => {
  await setStaffActive(await getDb(), ctx, staffId, active);
  revalidatePath(PATH);
  return null;
});
