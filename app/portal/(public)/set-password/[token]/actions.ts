"use server";
import { getDb } from "@/db/client";
import { publicAction } from "@/lib/action";
import { clientIp } from "@/lib/auth/client-ip";
import { hashPassword } from "@/lib/auth/password";
import { signInWith } from "@/lib/auth/login";
import { throttlePublicEndpoint } from "@/lib/auth/public-throttle";
import { acceptPortalInvitation, assertInvitationUsable, findPortalInvitation } from "@/lib/portal/invitation";
import { setPortalPasswordSchema } from "@/lib/portal/invitation-schema";
import type { Locale } from "@/lib/i18n/locales";
import { visitorLocale } from "@/lib/i18n/visitor-locale";

/** The page's language: the invited member's, else the browser's for a link that names no one. */
async function invitationLocale(raw: unknown): Promise<Locale> {
  const token = (raw as { token?: unknown } | null)?.token;
  const found = typeof token === "string" && token.length <= 300 ? await findPortalInvitation(await getDb(), token) : null;
  return found && found.state !== "invalid" ? found.locale : visitorLocale();
}

// Cheap refusals first: throttled per address, then the link checked (an HMAC and one row),
// and only then argon2 — a flood of garbage tokens costs the attacker, not the members' logins.
export const setPasswordFromInvitation = publicAction(setPortalPasswordSchema, async ({ token, password }) => {
  const db = await getDb();
  await throttlePublicEndpoint(db, "set-password", await clientIp());
  assertInvitationUsable(await findPortalInvitation(db, token));
  const hash = await hashPassword(password);
  const { uid } = await db.transaction((tx) => acceptPortalInvitation(tx, token, hash));
  await signInWith("member", { uid, password }, "set_password");
  return { redirectTo: "/portal" };
}, { locale: invitationLocale });
