import { STAFF_LOCALES } from "@/lib/i18n/staff-locales";
import { z } from "zod";
import type { Role } from "@/db/schema";
import { emailSchema, idSchema, nameSchema, passwordSchema } from "@/lib/validation/common";
import { msg } from "@/lib/validation/message-key";

// Spelled out (not read from the table) so client forms can import this without the schema module.
export const ROLES = ["owner", "manager", "staff"] as const satisfies readonly Role[];
export const roleSchema = z.enum(ROLES, msg("chooseRole"));

export const inviteSchema = z.object({ name: nameSchema, email: emailSchema, role: roleSchema });
export type InviteInput = z.input<typeof inviteSchema>;

export const acceptInvitationSchema = z.object({
  token: z.string().min(20, msg("invitationInvalid")).max(200, msg("invitationInvalid")),
  name: nameSchema,
  password: passwordSchema,
});
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;

export const invitationIdSchema = z.object({ invitationId: idSchema });
export const changeRoleSchema = z.object({ staffId: idSchema, role: roleSchema });
export const setActiveSchema = z.object({ staffId: idSchema, active: z.boolean() });

export const changeNameSchema = z.object({ name: nameSchema });
export type ChangeNameInput = z.input<typeof changeNameSchema>;

export const changeLanguageSchema = z.object({ language: z.enum(STAFF_LOCALES) });
export type ChangeLanguageInput = z.input<typeof changeLanguageSchema>;

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, msg("enterCurrentPassword")).max(200), newPassword: passwordSchema, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { message: msg("passwordsDiffer"), path: ["confirmPassword"] });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
