import { describe, expect, it } from "vitest";
import { argon2PoolLoad, inArgon2Pool } from "./argon2-pool";

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("the argon2 pool", () => {
  it("runs at most one job per CPU and lets a login's check go ahead of waiting hashes", async () => {
    const { slots } = argon2PoolLoad();
    const gates = Array.from({ length: slots }, gate);
    const order: string[] = [];
    const busy = gates.map((g, i) => inArgon2Pool("hash", async () => { await g.opened; order.push(`busy-${i}`); }));
    const flood = Array.from({ length: 5 }, (_, i) => inArgon2Pool("hash", async () => { order.push(`hash-${i}`); }));
    const login = inArgon2Pool("verify", async () => { order.push("verify"); return true; });
    expect(argon2PoolLoad()).toMatchObject({ running: slots, waiting: 6 });
    gates[0]!.open();
    await login;
    // The login ran as soon as the first slot was free, before any of the five waiting hashes.
    expect(order).toEqual(["busy-0", "verify"]);
    for (const g of gates) g.open();
    await Promise.all([...busy, ...flood]);
    expect(order.filter((s) => s.startsWith("hash-"))).toEqual(["hash-0", "hash-1", "hash-2", "hash-3", "hash-4"]);
    expect(argon2PoolLoad()).toMatchObject({ running: 0, waiting: 0 });
  });

  it("frees the slot when a job fails", async () => {
    await expect(inArgon2Pool("verify", async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    expect(argon2PoolLoad()).toMatchObject({ running: 0, waiting: 0 });
  });
});
