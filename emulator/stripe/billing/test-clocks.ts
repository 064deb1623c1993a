import type Stripe from "stripe";
import type { Account } from "../accounts";
import { runTraced } from "../context";
import { invalidParam, invalidRequest } from "../errors";
import { emitEvent } from "../events";
import { newId, nowSeconds } from "../ids";
import { paginate } from "../list";
import { route } from "../route";
import { runClockUntil } from "./renewals";

// Stripe deletes a test clock (and what lives on it) 30 days after creating it.
const LIFETIME = 30 * 86_400;

/**
 * Advancing is asynchronous, as with Stripe: the request answers `status: advancing`, the clock's
 * time line runs right after, then the clock turns `ready` (test_helpers.test_clock.ready).
 */
function startAdvance(account: Account, clock: Stripe.TestHelpers.TestClock, target: number): void {
  clock.status = "advancing";
  clock.status_details = { advancing: { target_frozen_time: target } };
  emitEvent(account, "test_helpers.test_clock.advancing", clock);
  // What happens as time passes is caused by no API request: its events carry `request.id: null`.
  const untraced = { requestId: null, idempotencyKey: null };
  setTimeout(() =>
    runTraced(untraced, () => {
      try {
        runClockUntil(account, clock, target);
        clock.status = "ready";
        clock.status_details = {};
        emitEvent(account, "test_helpers.test_clock.ready", clock);
      } catch (err) {
        console.error("[emulator] test clock advance failed", clock.id, err);
        clock.status = "internal_failure";
        emitEvent(account, "test_helpers.test_clock.internal_failure", clock);
      }
    }),
  );
}

export const testClockRoutes = [
  route("POST", "/v1/test_helpers/test_clocks", ({ account, params }) => {
    const frozenTime = params.requiredInteger("frozen_time");
    const created = nowSeconds();
    const clock: Stripe.TestHelpers.TestClock = {
      id: newId("clock"),
      object: "test_helpers.test_clock",
      created,
      deletes_after: created + LIFETIME,
      frozen_time: frozenTime,
      livemode: false,
      name: params.string("name") ?? null,
      status: "ready",
      status_details: {},
    };
    account.insert(clock);
    emitEvent(account, "test_helpers.test_clock.created", clock);
    return clock;
  }),
  route("GET", "/v1/test_helpers/test_clocks/:id", ({ account, path }) =>
    account.require<Stripe.TestHelpers.TestClock>(path.id, "test_helpers.test_clock", "test_helpers.test_clock"),
  ),
  route("GET", "/v1/test_helpers/test_clocks", ({ account, params }) =>
    paginate(params, account.list<Stripe.TestHelpers.TestClock>("test_helpers.test_clock"), "/v1/test_helpers/test_clocks"),
  ),
  route("DELETE", "/v1/test_helpers/test_clocks/:id", ({ account, path }) => {
    const clock = account.require<Stripe.TestHelpers.TestClock>(path.id, "test_helpers.test_clock", "test_helpers.test_clock");
    emitEvent(account, "test_helpers.test_clock.deleted", clock);
    const deleted: Stripe.TestHelpers.DeletedTestClock = { id: clock.id, object: "test_helpers.test_clock", deleted: true };
    account.insert(deleted);
    return deleted;
  }),
  route("POST", "/v1/test_helpers/test_clocks/:id/advance", ({ account, params, path }) => {
    const clock = account.require<Stripe.TestHelpers.TestClock>(path.id, "test_helpers.test_clock", "test_helpers.test_clock");
    const target = params.requiredInteger("frozen_time");
    if (clock.status === "advancing") {
      throw invalidRequest("The test clock is currently advancing. Wait until its status is `ready` before advancing it again.", undefined, "test_clock_advancing");
    }
    if (target <= clock.frozen_time) {
      throw invalidParam("frozen_time", "The frozen_time must be after the test clock's current frozen time.");
    }
    startAdvance(account, clock, target);
    return clock;
  }),
];
