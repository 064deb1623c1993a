import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { dojoEventLog } from "./claim-event";
import { ingestEvent, type Inbound, type IngestResult } from "./ingest";
import { handlesDojoEvent, routeDojoEvent } from "./registry";
import type { DojoContext } from "./types";

export type DispatchResult = IngestResult;

/** A dojo's Stripe account as a source of events: its own stripe_events rows, its handlers. */
export function dojoInbound(db: Db, dojoId: string, stripe: Stripe): Inbound<DojoContext> {
  return { log: dojoEventLog(dojoId), ctx: { db, dojoId, stripe }, handles: handlesDojoEvent, route: routeDojoEvent };
}

/** A verified event of a dojo's account (its webhook, or reconciliation), applied once (ingest.ts). */
export function dispatchEvent(db: Db, dojoId: string, stripe: Stripe, event: Stripe.Event): Promise<DispatchResult> {
  return ingestEvent(db, dojoInbound(db, dojoId, stripe), event);
}
