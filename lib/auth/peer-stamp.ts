import type { IncomingMessage } from "node:http";

// scripts/start.ts serves the production build and, like any proxy, appends the TCP peer's
// address to X-Forwarded-For. `next start` alone cannot be trusted here: it fills the header
// from the socket only when the client sent none, so a client can write any address it likes.
// The stamp (a random value made at start, kept in this process's environment) tells
// lib/auth/client-ip.ts that the last X-Forwarded-For entry is the socket's.
export const PEER_STAMP_HEADER = "x-tatami-peer-stamp";
export const PEER_STAMP_ENV = "TATAMI_PEER_STAMP";

export function stampPeer(req: IncomingMessage, stamp: string) {
  const peer = req.socket.remoteAddress ?? "unknown";
  const forwarded = req.headers["x-forwarded-for"];
  const prior = (Array.isArray(forwarded) ? forwarded.join(", ") : forwarded ?? "").trim();
  req.headers["x-forwarded-for"] = prior ? `${prior}, ${peer}` : peer;
  req.headers[PEER_STAMP_HEADER] = stamp;
}
