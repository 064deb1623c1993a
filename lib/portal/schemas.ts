import { z } from "zod";

export const memberLoginSchema = z.object({
  uid: z.string().trim().toUpperCase().min(1, "Enter your member UID").max(20, "A UID has 7 characters"),
  password: z.string().min(1, "Enter your password").max(200),
});
