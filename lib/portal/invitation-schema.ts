import { z } from "zod";
import { passwordSchema } from "@/lib/validation/common";
import { msg } from "@/lib/validation/message-key";

export const setPortalPasswordSchema = z
  .object({ token: z.string().min(1).max(300), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: msg("passwordsDiffer") });
export type SetPortalPasswordInput = z.input<typeof setPortalPasswordSchema>;
