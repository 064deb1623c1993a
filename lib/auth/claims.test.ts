import { encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env";
import type { SessionClaims } from "./claims";

// The test setup replaces lib/auth/claims for every other test; this one reads the real module.
const { readSessionClaims } = await vi.importActual<typeof import("./claims")>("./claims");

let jar: Record<string, string> = {};
vi.mock("next/headers", () => ({ cookies: async () => ({ get: (name: string) => (name in jar ? { name, value: jar[name] } : undefined) }) }));

const CLAIMS: SessionClaims = { kind: "staff", id: "5a985763-a88f-4109-8823-436cf50bcdc4", dojoId: "ef570f24-129b-455b-9ce3-8f3fa29ee129", sv: 3 };
// The cookie exactly as Auth.js writes it at login (lib/auth/auth.ts's jwt callback puts the claims in the token).
const minted = (salt: string, opts: { secret?: string; maxAge?: number } = {}) => encode({ token: { sub: CLAIMS.id, claims: CLAIMS }, secret: opts.secret ?? env().AUTH_SECRET, salt, maxAge: opts.maxAge ?? 3600 });

describe("reading the session cookie", () => {
  it("reads the claims of the cookie Auth.js set, under either of its names", async () => {
    for (const name of ["authjs.session-token", "__Secure-authjs.session-token"]) {
      jar = { [name]: await minted(name) };
      expect(await readSessionClaims()).toEqual(CLAIMS);
    }
  });

  it("gives nothing for no cookie, a tampered, foreign-keyed, renamed or expired one", async () => {
    jar = {};
    expect(await readSessionClaims()).toBeNull();
    const good = await minted("authjs.session-token");
    jar = { "authjs.session-token": `${good.slice(0, -4)}AAAA` };
    expect(await readSessionClaims()).toBeNull();
    jar = { "authjs.session-token": await minted("authjs.session-token", { secret: "another-secret-of-enough-length-0000000" }) };
    expect(await readSessionClaims()).toBeNull();
    // Encrypted for the plain name, offered under the secure one: the salt differs.
    jar = { "__Secure-authjs.session-token": good };
    expect(await readSessionClaims()).toBeNull();
    jar = { "authjs.session-token": await minted("authjs.session-token", { maxAge: -60 }) };
    expect(await readSessionClaims()).toBeNull();
  });

  it("remembers a cookie it read, but not past its expiry nor under the other name", async () => {
    const good = await minted("authjs.session-token", { maxAge: 60 });
    jar = { "authjs.session-token": good };
    expect(await readSessionClaims()).toEqual(CLAIMS);
    expect(await readSessionClaims()).toEqual(CLAIMS);
    jar = { "__Secure-authjs.session-token": good };
    expect(await readSessionClaims()).toBeNull();
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 90_000);
      jar = { "authjs.session-token": good };
      expect(await readSessionClaims()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
