import { describe, expect, it } from "vitest";
import { cardLinkToken, verifyCardLinkToken } from "@/lib/card-links/token";
import { signedId, signToken, tokenParts, verifySignedId, verifyToken } from "@/lib/crypto";
import { unsubscribeToken, verifyUnsubscribeToken } from "@/lib/mail/unsubscribe";
import { portalInvitationTokenUntil } from "@/lib/portal/invitation";

// Tokens made before the link kinds shared one helper (AUTH_SECRET of tests/support/setup-db.ts):
// links already mailed must keep working, so these are pinned byte for byte.
const ID = "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
const OLD_UNSUBSCRIBE = `${ID}.XWrAqMq-0N4JBHpwmz_vlFi5yHXP0jXWH04SRSMud_w`;
const OLD_CARD_LINK = `${ID}.9d3uME-XXuv-Pdb1CMV1Kbizu_msghLQ2BHYKqWAWIA`;
const EXPIRES = 1767225600000;
const OLD_PORTAL = `${ID}.${EXPIRES}.2oQmi7O8vyZgRB5QZvIwktOJ69bOASojaEHajRlXApk`;
const OLD_PORTAL_NO_PASSWORD = `${ID}.${EXPIRES}.uAYFa1PxRWTb9_o_vaW0Hhh7i3jPL6CdrEQbJAqp8MI`;
const HASH = "$argon2id$v=19$abc";

describe("signed link tokens", () => {
  it("still verifies tokens of every link kind made in the old format", () => {
    expect(verifyUnsubscribeToken(OLD_UNSUBSCRIBE)).toBe(ID);
    expect(verifyCardLinkToken(OLD_CARD_LINK)).toBe(ID);
    expect(verifyToken("portal-invite", OLD_PORTAL, 2, ["3", HASH])).toEqual([ID, String(EXPIRES)]);
    expect(verifyToken("portal-invite", OLD_PORTAL_NO_PASSWORD, 2, ["0", ""])).toEqual([ID, String(EXPIRES)]);
  });

  it("makes the same tokens as before", () => {
    expect(unsubscribeToken(ID)).toBe(OLD_UNSUBSCRIBE);
    expect(cardLinkToken(ID)).toBe(OLD_CARD_LINK);
    expect(portalInvitationTokenUntil({ id: ID, sessionVersion: 3, passwordHash: HASH }, EXPIRES).token).toBe(OLD_PORTAL);
    expect(portalInvitationTokenUntil({ id: ID, sessionVersion: 0, passwordHash: null }, EXPIRES).token).toBe(OLD_PORTAL_NO_PASSWORD);
  });

  it("keeps purposes apart: a token of one link kind opens no other", () => {
    expect(verifyCardLinkToken(OLD_UNSUBSCRIBE)).toBeNull();
    expect(verifyUnsubscribeToken(OLD_CARD_LINK)).toBeNull();
    expect(verifySignedId("signup", signedId("card-link", ID))).toBeNull();
  });

  it("refuses a changed part, signature, bound value or shape", () => {
    const other = "7f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
    const [, sig] = OLD_CARD_LINK.split(".");
    expect(verifyCardLinkToken(`${other}.${sig}`)).toBeNull();
    expect(verifyCardLinkToken(`${ID}.${sig[0] === "a" ? "b" : "a"}${sig.slice(1)}`)).toBeNull();
    expect(verifyCardLinkToken(`${OLD_CARD_LINK}.extra`)).toBeNull();
    expect(verifyCardLinkToken(ID)).toBeNull();
    expect(verifySignedId("card-link", signToken("card-link", ["not-a-uuid"]))).toBeNull();
    expect(verifyToken("portal-invite", OLD_PORTAL, 2, ["4", HASH])).toBeNull();
    expect(verifyToken("portal-invite", OLD_PORTAL, 2, ["3", "$argon2id$v=19$new"])).toBeNull();
    expect(verifyToken("portal-invite", OLD_PORTAL.replace(String(EXPIRES), String(EXPIRES + 1)), 2, ["3", HASH])).toBeNull();
  });

  it("reads a token's parts without trusting them", () => {
    expect(tokenParts(OLD_PORTAL, 2)).toEqual([ID, String(EXPIRES)]);
    expect(tokenParts(OLD_PORTAL, 1)).toBeNull();
    expect(tokenParts(`${ID}..sig`, 2)).toBeNull();
  });

  it("refuses to sign a part that would change the token's shape", () => {
    expect(() => signToken("x", ["a.b"])).toThrow();
    expect(() => signToken("x", [""])).toThrow();
  });
});
