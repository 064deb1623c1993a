import { BlockList, isIP } from "node:net";

// Which address a request comes from, from the hop chain: the X-Forwarded-For entries followed
// by the TCP peer (the socket's address, appended by scripts/start.ts). Everything left of an
// untrusted hop was written by that hop, i.e. by the client: only the right-most untrusted hop
// can be believed.

export interface ProxyTrust {
  /** How many hops at the right of the chain are our own proxies (0: clients connect directly). */
  hops: number;
  /** Proxy networks, e.g. ["10.0.0.0/8", "fd00::/8"]: hops inside them are skipped too. */
  cidrs: readonly string[];
}

/** "::ffff:203.0.113.7" (an IPv4 client on a dual-stack socket) counts as "203.0.113.7". */
export function normalizeAddress(raw: string): string {
  const address = raw.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped ? mapped[1] : address).toLowerCase();
}

/** Parses "10.0.0.0/8, 192.168.1.7" into a BlockList; throws on anything that is not a network. */
export function proxyBlockList(cidrs: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of cidrs) {
    const [base, prefix, ...rest] = entry.trim().split("/");
    const family = isIP(base ?? "");
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (!family || rest.length || !Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32)) {
      throw new Error(`"${entry}" is not an IP network (e.g. 10.0.0.0/8)`);
    }
    list.addSubnet(base!, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return list;
}

function inList(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family ? list.check(address, family === 6 ? "ipv6" : "ipv4") : false;
}

/**
 * The right-most hop that is not one of our proxies. `chain` ends with the TCP peer; with no
 * proxies declared that peer is the answer, whatever the client wrote in X-Forwarded-For.
 */
export function clientAddressFrom(chain: readonly string[], trust: ProxyTrust): string {
  const hops = chain.map(normalizeAddress).filter(Boolean);
  if (!hops.length) return "unknown";
  const proxies = trust.cidrs.length ? proxyBlockList(trust.cidrs) : null;
  for (let i = hops.length - 1; i >= 0; i--) {
    const fromRight = hops.length - 1 - i;
    const trusted = fromRight < trust.hops || (proxies !== null && inList(proxies, hops[i]!));
    if (!trusted) return hops[i]!;
  }
  // Every hop is ours (a health check from the proxy itself): the left-most is the best we know.
  return hops[0]!;
}

/** "a, b , c" → ["a", "b", "c"]. Several X-Forwarded-For headers arrive joined by commas. */
export function splitForwardedFor(header: string | null | undefined): string[] {
  return (header ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}
