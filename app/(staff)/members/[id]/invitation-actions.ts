"use server";
import { getDb } from "@/db/client";
import { staffAction } from "@/lib/action";
import { memberIdSchema } from "@/lib/members/schemas";
import { queuePortalInvitation } from "@/lib/portal/invitation-mail";

export const sendPortalInvitationAction = staffAction({ schema: memberIdSchema, permission: "members" }, async ({ id }, { dojo }) => {
  return (await getDb()).transaction((tx) => queuePortalInvitation(tx, dojo, id));
});
