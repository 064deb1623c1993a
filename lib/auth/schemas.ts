import { z } from "zod";
import { emailSchema } from "@/lib/validation/common";
import { msg } from "@/lib/validation/message-key";

/** The staff login form. */
export const staffLoginSchema = z.object({ email: emailSchema, password: z.string().min(1, msg("enterPassword")).max(200) });
