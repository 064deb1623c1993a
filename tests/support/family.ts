import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { createPlanAction } from "@/app/(staff)/members/plans/actions";
import { setCustomerIdAction } from "@/app/(staff)/members/[id]/stripe-actions";
import { addFamilyMemberAction, createFamilyAction, setFamilyDiscountAction } from "@/app/(staff)/members/families/actions";
import { customerWithCard, JAN_1_2026 } from "@tatami/stripe-emulator/billing-support";
import { dojoWithStripe } from "./card-payment";
import { createMember } from "./factories";

/** A family of three: the paying parent (customer with a card on a test clock) and two children; a 10 % family discount. */
export async function familyOfThree() {
  const ctx = await dojoWithStripe();
  const clock = await ctx.stripe.testHelpers.testClocks.create({ frozen_time: JAN_1_2026 });
  const { customer } = await customerWithCard(ctx.stripe, "pm_card_visa", { clock: clock.id });
  const parent = await createMember(ctx.dojo.id, { firstName: "Yuki", lastName: "Ito", email: "yuki@example.test" });
  const kids = [await createMember(ctx.dojo.id, { firstName: "Ren", lastName: "Ito" }), await createMember(ctx.dojo.id, { firstName: "Mei", lastName: "Ito" })];
  expect(await setCustomerIdAction({ memberId: parent.id, customerId: customer.id })).toMatchObject({ ok: true });
  const family = await createFamilyAction({ name: "Ito", payerKind: "member", payerMemberId: parent.id });
  if (!family.ok) throw new Error(family.error);
  for (const kid of kids) expect(await addFamilyMemberAction({ familyId: family.data.id, memberId: kid.id })).toMatchObject({ ok: true });
  expect(await setFamilyDiscountAction({ percent: 10 })).toMatchObject({ ok: true });
  const plan = await createPlanAction({ name: "Judo kids", amount: "45.00", interval: "month", intervalCount: 1, attempt: randomUUID() });
  if (!plan.ok) throw new Error(plan.error);
  return { ...ctx, clock, customer, parent, kids, familyId: family.data.id, planId: plan.data.id };
}

