import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import { expect } from "vitest";
import { createPlanAction } from "@/app/(staff)/members/plans/actions";
import { setCustomerIdAction, subscribeAction } from "@/app/(staff)/members/[id]/stripe-actions";
import { customerWithCard } from "@tatami/stripe-emulator/billing-support";
import { createMember } from "./factories";

/**
 * A new member of the dojo subscribed through the staff actions at €45/month: their customer with a
 * Visa on a test clock frozen at `frozenTime`, linked by ID, a new plan, then Subscribe.
 */
export async function memberSubscribedOnClock(dojoId: string, stripe: Stripe, frozenTime: number) {
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: frozenTime });
  const { customer } = await customerWithCard(stripe, "pm_card_visa", { clock: clock.id });
  const member = await createMember(dojoId);
  expect(await setCustomerIdAction({ memberId: member.id, customerId: customer.id })).toMatchObject({ ok: true });
  const plan = await createPlanAction({ name: "Judo monthly", amount: "45.00", interval: "month", intervalCount: 1, attempt: randomUUID() });
  if (!plan.ok) throw new Error(plan.error);
  const subscribed = await subscribeAction({ memberId: member.id, planId: plan.data.id, attempt: randomUUID() });
  if (!subscribed.ok) throw new Error(subscribed.error);
  return { clock, member, subscriptionId: subscribed.data.subscriptionId };
}
