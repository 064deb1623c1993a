import { describe, expect, it } from "vitest";
import { clientAddressFrom, normalizeAddress, proxyBlockList, splitForwardedFor } from "./forwarded-chain";

const direct = { hops: 0, cidrs: [] };

describe("the client address from the hop chain", () => {
  it("is the TCP peer when no proxy is declared, whatever the client wrote", () => {
    // A direct client forging X-Forwarded-For: the peer is appended last by scripts/start.ts.
    expect(clientAddressFrom(["6.6.6.6", "7.7.7.7", "203.0.113.7"], direct)).toBe("203.0.113.7");
    expect(clientAddressFrom(["203.0.113.7"], direct)).toBe("203.0.113.7");
  });

  it("skips the declared number of proxy hops, counting the peer", () => {
    // client → load balancer (10.0.0.2) → app: the balancer appended the client's address.
    expect(clientAddressFrom(["6.6.6.6", "198.51.100.4", "10.0.0.2"], { hops: 1, cidrs: [] })).toBe("198.51.100.4");
    // CDN → balancer → app.
    expect(clientAddressFrom(["6.6.6.6", "198.51.100.4", "172.16.0.9", "10.0.0.2"], { hops: 2, cidrs: [] })).toBe("198.51.100.4");
  });

  it("skips hops inside the declared proxy networks and takes the right-most other one", () => {
    const trust = { hops: 0, cidrs: ["10.0.0.0/8", "fd00::/8"] };
    expect(clientAddressFrom(["6.6.6.6", "198.51.100.4", "10.1.2.3", "10.0.0.2"], trust)).toBe("198.51.100.4");
    expect(clientAddressFrom(["2001:db8::1", "fd00::5"], trust)).toBe("2001:db8::1");
    // A client inside no proxy network connecting directly is its own address.
    expect(clientAddressFrom(["10.9.9.9", "198.51.100.4"], trust)).toBe("198.51.100.4");
  });

  it("falls back to the left-most hop when every hop is a proxy", () => {
    expect(clientAddressFrom(["10.0.0.5", "10.0.0.2"], { hops: 0, cidrs: ["10.0.0.0/8"] })).toBe("10.0.0.5");
    expect(clientAddressFrom([], direct)).toBe("unknown");
  });

  it("counts an IPv4 client on a dual-stack socket as its IPv4 address", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress(" [2001:DB8::1] ")).toBe("2001:db8::1");
    expect(splitForwardedFor("a, b,,c ")).toEqual(["a", "b", "c"]);
  });

  it("refuses a proxy network that is not one", () => {
    expect(() => proxyBlockList(["10.0.0.0/33"])).toThrow(/not an IP network/);
    expect(() => proxyBlockList(["example.com"])).toThrow(/not an IP network/);
    expect(proxyBlockList(["192.168.1.7"]).check("192.168.1.7", "ipv4")).toBe(true);
  });
});
