import { describe, expect, it } from "vitest";
import { argon2Pool } from "./argon2-pool";

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("the argon2 pool", () => {
  it("keeps a slot for logins however many hashes wait, and never runs more than its slots", async () => {
    const pool = argon2Pool(2);
    const gates = Array.from({ length: 3 }, gate);
    const order: string[] = [];
    const flood = gates.map((g, i) => pool.run("hash", async () => { await g.opened; order.push(`hash-${i}`); }));
    // One hash runs, two wait: the other slot is for logins.
    expect(pool.load()).toMatchObject({ running: 1, waiting: 2 });
    await pool.run("verify", async () => { order.push("verify"); });
    expect(order).toEqual(["verify"]);
    // Two logins at once take both slots; a third waits.
    const logins = gates.map((g, i) => pool.run("verify", async () => { await g.opened; order.push(`verify-${i}`); }));
    expect(pool.load()).toMatchObject({ running: 2, waiting: 4 });
    for (const g of gates) g.open();
    await Promise.all([...flood, ...logins]);
    expect(pool.load()).toMatchObject({ running: 0, waiting: 0 });
    // Waiting logins went ahead of waiting hashes.
    expect(order.indexOf("verify-2")).toBeLessThan(order.indexOf("hash-1"));
  });

  it("with one CPU, a login waits for the run in flight and then goes first", async () => {
    const pool = argon2Pool(1);
    const busy = gate();
    const order: string[] = [];
    const first = pool.run("hash", async () => { await busy.opened; order.push("hash-0"); });
    const queued = pool.run("hash", async () => { order.push("hash-1"); });
    const login = pool.run("verify", async () => { order.push("verify"); });
    busy.open();
    await Promise.all([first, queued, login]);
    expect(order).toEqual(["hash-0", "verify", "hash-1"]);
  });

  it("frees the slot when a job fails", async () => {
    const pool = argon2Pool(2);
    await expect(pool.run("verify", async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    expect(pool.load()).toMatchObject({ running: 0, waiting: 0 });
  });
});
