import { describe, expect, it } from "vitest";
import { isLiveSubscription, LIVE_SUBSCRIPTION_STATUSES } from "./subscription-status";

describe("live subscription statuses", () => {
  it("counts the statuses that still bill the customer", () => {
    expect([...LIVE_SUBSCRIPTION_STATUSES].sort()).toEqual(["active", "past_due", "trialing"]);
    for (const status of LIVE_SUBSCRIPTION_STATUSES) expect(isLiveSubscription(status)).toBe(true);
  });

  it("does not count ended, unfinished or missing ones", () => {
    for (const status of ["canceled", "incomplete", "incomplete_expired", "unpaid", "paused", "", null, undefined]) expect(isLiveSubscription(status)).toBe(false);
  });
});
