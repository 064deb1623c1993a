"use server";
import { getDb } from "@/db/client";
import { publicAction } from "@/lib/action";
import { signInWith } from "@/lib/auth/login";
import { acceptInvitation } from "@/lib/staff/accept-invitation";
import { acceptInvitationSchema } from "@/lib/staff/schemas";

export const acceptStaffInvitation = publicAction(acceptInvitationSchema, async (input) => {
  const user = await acceptInvitation(await getDb(), input);
  await signInWith("staff", { email: user.email, password: input.password }, "Your account is ready. Please log in.");
  return { redirectTo: "/dashboard" };
});
