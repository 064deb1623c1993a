"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { staffAction } from "@/lib/action";
import { changeStaffRole } from "@/lib/staff/change-role";
import { inviteStaff } from "@/lib/staff/invite";
import { sendStaffInvitationMail } from "@/lib/staff/invitation-mail";
import { revokeInvitation } from "@/lib/staff/revoke-invitation";
import { changeRoleSchema, invitationIdSchema, inviteSchema, setActiveSchema } from "@/lib/staff/schemas";
import { setStaffActive } from "@/lib/staff/set-active";

const PATH = "/settings/staff";

export const inviteStaffMember = staffAction({ schema: inviteSchema, permission: "staff.manage" }, async (input, ctx) => {
  const result = await inviteStaff(await getDb(), ctx, input);
  revalidatePath(PATH);
  const mail = await sendStaffInvitationMail({ dojoName: ctx.dojo.name, invitedBy: ctx.user.name, name: input.name, email: input.email, role: input.role, url: result.url, invitationId: result.invitationId });
  return { ...result, emailed: mail.sent ? input.email : null };
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
