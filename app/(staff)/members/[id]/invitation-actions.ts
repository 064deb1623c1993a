"use server";
import { getDb } from "@/db/client";
import { staffAction } from "@/lib/action";
import { memberIdSchema } from "@/lib/members/schemas";
import { sendPortalInvitation } from "@/lib/portal/invitation";

export const sendPortalInvitationAction = staffAction({ schema: memberIdSchema, permission: "members" }, async ({ id }, { dojo }) => {
  return sendPortalInvitation(await getDb(), dojo, id);
});
