import { and, eq, gt, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { dojos, signupRequests, staffUsers } from "@/db/schema";
import { refused } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { createDojoWithOwner, type signupSchema } from "./signup";
import { signupRequestIdOf } from "./signup-link";
import { queueSignupMail } from "./signup-mail";

export const SIGNUP_LINK_TTL_MS = 24 * 60 * 60 * 1000;
/**
 * The sign-up form: the same answer whether or not the address has an account (no account
 * enumeration). A new address gets a link that creates the dojo; a known one gets a mail saying
 * so, with links to log in or reset. The password is hashed either way, so the time taken tells
 * nothing either. The slug is checked now: dojo addresses are public (the webshop's URL).
 */
export async function requestSignup(db: Db, input: z.output<typeof signupSchema>, now = new Date()): Promise<{ sentTo: string }> {
  const [taken] = await db.select({ id: dojos.id }).from(dojos).where(eq(dojos.slug, input.slug));
  if (taken) throw refused("dojo.address_taken");
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const [account] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, input.email));
    const [request] = await tx
      .insert(signupRequests)
      .values({
        email: input.email,
        dojoName: input.dojoName,
        slug: input.slug,
        currency: input.currency,
        ownerName: input.ownerName,
        timeZone: input.timeZone,
        passwordHash: account ? null : passwordHash,
        expiresAt: new Date(now.getTime() + SIGNUP_LINK_TTL_MS),
      })
      .returning({ id: signupRequests.id });
    await queueSignupMail(tx, request!.id);
  });
  return { sentTo: input.email };
}

export type SignupRequestState =
  | { state: "valid"; request: typeof signupRequests.$inferSelect }
  | { state: "confirmed"; email: string }
  | { state: "expired" | "invalid" };

/** What a `/signup/confirm/<token>` link leads to. */
export async function findSignupRequest(db: DbOrTx, token: string, now = new Date(), opts: { lock?: boolean } = {}): Promise<SignupRequestState> {
  const id = signupRequestIdOf(token);
  if (!id) return { state: "invalid" };
  const query = db.select().from(signupRequests).where(eq(signupRequests.id, id));
  const [request] = await (opts.lock ? query.for("update") : query);
  if (!request || !request.passwordHash) return { state: "invalid" };
  if (request.confirmedAt) return { state: "confirmed", email: request.email };
  if (request.expiresAt <= now) return { state: "expired" };
  return { state: "valid", request };
}

/** Following the mailed link: the dojo and its owner are created, once. */
export async function confirmSignup(db: Db, token: string, now = new Date()): Promise<{ dojoId: string; ownerId: string; email: string }> {
  return db.transaction(async (tx) => {
    // The row lock makes a second click wait, then see the request confirmed.
    const found = await findSignupRequest(tx, token, now, { lock: true });
    if (found.state === "confirmed") throw refused("signup.already_confirmed");
    if (found.state !== "valid") throw refused("signup.link_unusable", { state: found.state });
    const { request } = found;
    const created = await createDojoWithOwner(tx, { ...request, passwordHash: request.passwordHash! }, now);
    await tx.update(signupRequests).set({ confirmedAt: now }).where(eq(signupRequests.id, request.id));
    // Other pending requests for this address are moot now.
    await tx
      .update(signupRequests)
      .set({ expiresAt: now })
      .where(and(eq(signupRequests.email, request.email), isNull(signupRequests.confirmedAt), gt(signupRequests.expiresAt, now)));
    return { ...created, email: request.email };
  });
}
