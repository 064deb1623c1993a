import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { planChangeRequests, type Plan, type PlanChangeRequest } from "@/db/schema";
import { NotFoundError } from "@/lib/action-result";

type Kind = PlanChangeRequest["kind"];
type Status = PlanChangeRequest["status"];

/**
 * Writes the owner's plan change before its Stripe call. The row's id keys that call
 * (`tatami-plan-<kind>:<id>`): the SDK's retry of this request replays Stripe's answer, while
 * the next request, even for the same plan on the same day, is a change of its own.
 */
export async function recordChangeRequest(db: DbOrTx, input: { dojoId: string; kind: Kind; plan: Plan; stripeSubscriptionId: string }): Promise<PlanChangeRequest> {
  const [row] = await db.insert(planChangeRequests).values(input).returning();
  return row;
}

export const changeRequestKey = (request: Pick<PlanChangeRequest, "id" | "kind">) => `tatami-plan-${request.kind}:${request.id}`;

export async function settleChangeRequest(db: DbOrTx, id: string, status: Status, stripeInvoiceId?: string | null): Promise<void> {
  await db
    .update(planChangeRequests)
    .set({ status, updatedAt: new Date(), ...(stripeInvoiceId !== undefined ? { stripeInvoiceId } : {}) })
    .where(eq(planChangeRequests.id, id));
}

/** A change request of this dojo, or not found (another dojo's id is as unknown as a made-up one). */
export async function requireChangeRequest(db: DbOrTx, dojoId: string, id: string, kind: Kind): Promise<PlanChangeRequest> {
  const [row] = await db
    .select()
    .from(planChangeRequests)
    .where(and(eq(planChangeRequests.id, id), eq(planChangeRequests.dojoId, dojoId), eq(planChangeRequests.kind, kind)));
  if (!row) throw new NotFoundError("Plan change");
  return row;
}
