import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { knownLoginAddresses } from "@/db/schema";
import { releaseAttempt, takeAttempt, THROTTLE_WINDOW_MS, type Limit, type ThrottleStatus } from "./throttle";

// Per account from one address: a guesser is stopped without locking the real user, who logs
// in from elsewhere. Per address: one address spraying many accounts. Per account from
// anywhere: a distributed attack on one account — a ceiling that does not apply to addresses
// the account has logged in from before, so the attacker cannot keep the real user out.
export const LOGIN_LIMITS = { pair: 10, ip: 50, account: 100 } as const;

function limitsFor(identifier: string, ip: string, known: boolean): Limit[] {
  return [
    { key: `login-pair:${identifier}|${ip}`, max: LOGIN_LIMITS.pair },
    { key: `login-ip:${ip}`, max: LOGIN_LIMITS.ip },
    ...(known ? [] : [{ key: `login-account:${identifier}`, max: LOGIN_LIMITS.account }]),
  ];
}

async function isKnownAddress(db: DbOrTx, identifier: string, ip: string): Promise<boolean> {
  const [row] = await db.select({ ip: knownLoginAddresses.ip }).from(knownLoginAddresses).where(and(eq(knownLoginAddresses.identifier, identifier), eq(knownLoginAddresses.ip, ip)));
  return !!row;
}

/** Counts a login attempt before any password is checked; refused ones cost no argon2. */
export async function takeLoginAttempt(db: DbOrTx, identifier: string, ip: string, now = new Date()): Promise<ThrottleStatus> {
  return takeAttempt(db, limitsFor(identifier, ip, await isKnownAddress(db, identifier, ip)), THROTTLE_WINDOW_MS, now);
}

/** The password was right: this pair starts over, the slot goes back, the address is remembered. */
export async function loginSucceeded(db: DbOrTx, identifier: string, ip: string, now = new Date()) {
  const [pair, ...rest] = limitsFor(identifier, ip, false);
  await releaseAttempt(db, { clear: [pair!.key], giveBack: rest.map((l) => l.key) }, now);
  await db
    .insert(knownLoginAddresses)
    .values({ identifier, ip, lastSuccessAt: now })
    .onConflictDoUpdate({ target: [knownLoginAddresses.identifier, knownLoginAddresses.ip], set: { lastSuccessAt: now } });
}
