import "server-only";
import { headers } from "next/headers";

// The address the per-address throttles count. The last X-Forwarded-For entry is the one our
// own proxy appended (Next.js fills the header from the socket when there is none); earlier
// entries come from the client and could be rotated to dodge the limit.
export async function clientIp(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",").at(-1)?.trim() || h.get("x-real-ip") || "unknown";
}
