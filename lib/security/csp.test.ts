import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, type CspEnv } from "./csp";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split("; ").map((part) => {
    const [name, ...sources] = part.split(" ");
    return [name, sources] as const;
  }));
}

const STRIPE_DIRECTIVES = ["script-src", "frame-src", "connect-src", "img-src"];
const everySource = (policy: Map<string, string[]>) => [...policy.values()].flat();

describe("Content-Security-Policy against real Stripe (no emulator configured)", () => {
  const policy = directives(contentSecurityPolicy({ NODE_ENV: "production" }));

  it("names the hosts Stripe documents for Stripe.js, Checkout and 3-D Secure", () => {
    expect(policy.get("script-src")).toEqual(expect.arrayContaining(["https://js.stripe.com", "https://*.js.stripe.com", "https://checkout.stripe.com"]));
    expect(policy.get("frame-src")).toEqual(
      expect.arrayContaining(["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com", "https://checkout.stripe.com", "https://m.stripe.network"]),
    );
    expect(policy.get("connect-src")).toEqual(
      expect.arrayContaining(["https://api.stripe.com", "https://checkout.stripe.com", "https://m.stripe.network", "https://q.stripe.com"]),
    );
    expect(policy.get("img-src")).toEqual(expect.arrayContaining(["https://*.stripe.com"]));
  });

  it("names no emulator, no plain-http source and no eval", () => {
    const sources = everySource(policy);
    expect(sources.filter((s) => s.startsWith("http:"))).toEqual([]);
    expect(sources.filter((s) => /127\.0\.0\.1|localhost/.test(s))).toEqual([]);
    expect(sources).not.toContain("'unsafe-eval'");
  });

  it("keeps everything else as strict as before: Stripe only where Stripe.js needs it", () => {
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("font-src")).toEqual(["'self'", "data:"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    for (const name of STRIPE_DIRECTIVES) expect(policy.get(name)?.[0], name).toBe("'self'");
    // No blanket wildcard beyond Stripe's own domains.
    expect(everySource(policy).filter((s) => s.includes("*") && !/^https:\/\/\*\.(js\.)?stripe\.com$/.test(s))).toEqual([]);
  });
});

describe("Content-Security-Policy against the emulator (development and tests)", () => {
  // As `npm run dev` starts it: API and Stripe.js on 127.0.0.1, the pages it hands out on localhost.
  const dev: CspEnv = {
    NODE_ENV: "development",
    STRIPE_API_BASE: "http://127.0.0.1:12111",
    STRIPE_JS_URL: "http://127.0.0.1:12111/v3",
    EMULATOR_PUBLIC_URL: "http://localhost:12111",
  };

  it("names the emulator under both host names it answers to, in every directive Stripe needs", () => {
    const policy = directives(contentSecurityPolicy(dev));
    for (const name of STRIPE_DIRECTIVES) {
      expect(policy.get(name), name).toEqual(expect.arrayContaining(["http://127.0.0.1:12111", "http://localhost:12111"]));
    }
  });

  it("finds the other host name of a loopback emulator even when only one is configured", () => {
    const policy = directives(contentSecurityPolicy({ NODE_ENV: "development", STRIPE_API_BASE: "http://127.0.0.1:12111", STRIPE_JS_URL: "http://127.0.0.1:12111/v3" }));
    expect(policy.get("frame-src")).toEqual(["'self'", "http://127.0.0.1:12111", "http://localhost:12111"]);
    const fromLocalhost = directives(contentSecurityPolicy({ NODE_ENV: "development", STRIPE_JS_URL: "http://localhost:4000/v3" }));
    expect(fromLocalhost.get("script-src")).toEqual(expect.arrayContaining(["http://localhost:4000", "http://127.0.0.1:4000"]));
  });

  it("names a public URL on another machine as it is, next to the API's origin", () => {
    const policy = directives(
      contentSecurityPolicy({ NODE_ENV: "production", STRIPE_API_BASE: "http://10.0.0.5:12111", STRIPE_JS_URL: "http://10.0.0.5:12111/v3", EMULATOR_PUBLIC_URL: "https://stripe-emulator.example.test" }),
    );
    expect(policy.get("frame-src")).toEqual(["'self'", "http://10.0.0.5:12111", "https://stripe-emulator.example.test"]);
  });

  it("names none of Stripe's real hosts, and allows eval only in development (React's dev tools)", () => {
    const policy = directives(contentSecurityPolicy(dev));
    expect(everySource(policy).filter((s) => s.includes("stripe.com") || s.includes("stripe.network"))).toEqual([]);
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy({ ...dev, NODE_ENV: "production" })).get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("keeps the directives Stripe has nothing to do with unchanged", () => {
    const real = directives(contentSecurityPolicy({ NODE_ENV: "production" }));
    const emulated = directives(contentSecurityPolicy({ ...dev, NODE_ENV: "production" }));
    for (const name of ["default-src", "style-src", "font-src", "frame-ancestors", "form-action", "base-uri", "object-src"]) {
      expect(emulated.get(name), name).toEqual(real.get(name));
    }
  });
});
