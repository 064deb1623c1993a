"use server";
import { getDb } from "@/db/client";
import { publicAction } from "@/lib/action";
import { clientIp } from "@/lib/auth/client-ip";
import { signInWith } from "@/lib/auth/login";
import { throttlePublicEndpoint } from "@/lib/auth/public-throttle";
import { acceptInvitation } from "@/lib/staff/accept-invitation";
import { acceptInvitationSchema } from "@/lib/staff/schemas";

export const acceptStaffInvitation = publicAction(acceptInvitationSchema, async (input) => {
  const db = await getDb();
  await throttlePublicEndpoint(db, "accept-invitation", await clientIp());
  const user = await acceptInvitation(db, input);
  await signInWith("staff", { email: user.email, password: input.password }, "invitation");
  return { redirectTo: "/dashboard" };
});
