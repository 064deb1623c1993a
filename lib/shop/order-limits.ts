import type { DbOrTx } from "@/db/client";
import { refused } from "@/lib/errors";
import { takeToken, type RateLimit } from "@/lib/security/rate-limit";

/*
 * Ordering in a shop needs no account, and every order holds stock (and mails the buyer and the
 * owners), so orders are limited per buyer address and per e-mail, per dojo. The numbers leave
 * room for a family ordering a few times in an evening; a flood stops after a handful.
 * A signed-in member is not limited by address: a dojo's members may share one network (the
 * dojo's own Wi-Fi), and their orders are tied to their account.
 */
export const ORDER_LIMITS = {
  /** Five orders from one address, then one every 10 minutes. */
  address: { capacity: 5, refillMs: 10 * 60_000 },
  /** Three orders for one e-mail address, then one every 20 minutes. */
  email: { capacity: 3, refillMs: 20 * 60_000 },
} as const satisfies Record<string, RateLimit>;

/**
 * At most one confirmation mail of an unpaid order per recipient every 5 minutes, whatever the
 * dojo: a shop cannot be used to flood someone's mailbox with "Order received". Card orders are
 * mailed when paid, which the sender pays for; they are not limited.
 */
export const CONFIRMATION_MAIL_LIMIT: RateLimit = { capacity: 1, refillMs: 5 * 60_000 };

export const normalisedEmail = (email: string) => email.trim().toLowerCase();

/** Refuses the order (nothing written) when the address or the e-mail has ordered too often. */
export async function checkOrderLimits(db: DbOrTx, dojoId: string, who: { ip: string | null; email: string }, now = new Date()): Promise<void> {
  if (who.ip) {
    const byAddress = await takeToken(db, `shop-order:${dojoId}:ip:${who.ip}`, ORDER_LIMITS.address, now);
    if (!byAddress.allowed) throw refused("shop.too_many_orders_network", { retryAfterMs: byAddress.retryAfterMs });
  }
  const byEmail = await takeToken(db, `shop-order:${dojoId}:email:${normalisedEmail(who.email)}`, ORDER_LIMITS.email, now);
  if (!byEmail.allowed) throw refused("shop.too_many_orders_email", { retryAfterMs: byEmail.retryAfterMs });
}

/** Whether an unpaid order's confirmation may go to this address now (takes the token when it may). */
export async function mayMailConfirmation(db: DbOrTx, email: string, now = new Date()): Promise<boolean> {
  return (await takeToken(db, `shop-confirmation-mail:${normalisedEmail(email)}`, CONFIRMATION_MAIL_LIMIT, now)).allowed;
}
