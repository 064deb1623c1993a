import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { hashPassword } from "@/lib/auth/password";
import { createDojoWithOwner, type signupSchema } from "@/lib/dojos/signup";

/**
 * A dojo and its owner at once, for tests and the e2e seed. The sign-up form goes through
 * lib/dojos/signup-request.ts instead (the address is confirmed first, no enumeration).
 */
export async function signUpDojo(db: DbOrTx, input: z.output<typeof signupSchema>, now = new Date()) {
  return createDojoWithOwner(db, { ...input, passwordHash: await hashPassword(input.password) }, now);
}
