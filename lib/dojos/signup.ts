import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { dojoBilling, dojos, staffUsers } from "@/db/schema";
import { refused } from "@/lib/errors";
import { DEFAULT_TIME_ZONE } from "@/lib/dates";
import { emailSchema, nameSchema, passwordSchema, stripeCurrencySchema, timeZoneSchema } from "@/lib/validation/common";
import { isUniqueViolation } from "@/db/errors";
import { msg } from "@/lib/validation/message-key";

const RESERVED_SLUGS = new Set(["admin", "api", "app", "www", "shop", "portal", "login", "signup", "settings", "dashboard", "card", "static"]);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,46}[a-z0-9]$/, msg("slugShape"))
  .refine((s) => !RESERVED_SLUGS.has(s), msg("slugReserved"));

export const signupSchema = z.object({
  dojoName: z.string().trim().min(2, msg("enterDojoName")).max(80),
  slug: slugSchema,
  currency: stripeCurrencySchema,
  ownerName: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  // The browser's zone, sent by the form; a browser that tells none (or one we do not know) gets the default.
  timeZone: timeZoneSchema.optional().catch(undefined).transform((zone) => zone ?? DEFAULT_TIME_ZONE),
});
export type SignupInput = z.input<typeof signupSchema>;

export const TRIAL_DAYS = 14;

export interface NewDojo {
  dojoName: string;
  slug: string;
  currency: string;
  ownerName: string;
  email: string;
  passwordHash: string;
  timeZone: string;
}

/** Creates a dojo and its owner in one transaction (a savepoint inside the caller's); the dojo starts a free Ultimate trial. */
export async function createDojoWithOwner(db: DbOrTx, input: NewDojo, now = new Date()) {
  try {
    return await db.transaction(async (tx) => {
      const [dojo] = await tx.insert(dojos).values({ name: input.dojoName, slug: input.slug, currency: input.currency, timeZone: input.timeZone, plan: "ultimate" }).returning();
      await tx.insert(dojoBilling).values({ dojoId: dojo.id, trialEndsAt: new Date(now.getTime() + TRIAL_DAYS * 86_400_000) });
      const [owner] = await tx.insert(staffUsers).values({ dojoId: dojo.id, email: input.email, name: input.ownerName, role: "owner", passwordHash: input.passwordHash }).returning({ id: staffUsers.id });
      return { dojoId: dojo.id, ownerId: owner.id };
    });
  } catch (error) {
    const constraint = isUniqueViolation(error);
    if (constraint?.includes("slug")) throw refused("dojo.address_taken");
    if (constraint?.includes("email")) throw refused("dojo.email_has_account");
    throw error;
  }
}
