import "server-only";
import { headers } from "next/headers";
import { safeEqual } from "@/lib/crypto";
import { env } from "@/lib/env";
import { clientAddressFrom, splitForwardedFor } from "./forwarded-chain";
import { PEER_STAMP_HEADER } from "./peer-stamp";

let warned = false;

/**
 * The address the per-address throttles count: the TCP peer, or, when the deployment declares
 * its proxies (TRUSTED_PROXY_HOPS, TRUSTED_PROXY_CIDRS), the right-most hop that is not one.
 */
export async function clientIp(): Promise<string> {
  const h = await headers();
  const chain = splitForwardedFor(h.get("x-forwarded-for"));
  const stamp = env().TATAMI_PEER_STAMP;
  const stamped = !!stamp && safeEqual(h.get(PEER_STAMP_HEADER) ?? "", stamp);
  if (!stamped && env().NODE_ENV === "production" && !warned) {
    // `next start` (or another server) instead of `npm start`: the last entry may be the client's own.
    warned = true;
    console.warn("Client addresses are not taken from the socket: start the app with `npm start` (scripts/start.ts) so a forged X-Forwarded-For cannot dodge the throttles.");
  }
  return clientAddressFrom(chain, { hops: env().TRUSTED_PROXY_HOPS, cidrs: env().TRUSTED_PROXY_CIDRS });
}
