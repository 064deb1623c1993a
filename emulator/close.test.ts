import { describe, expect, it } from "vitest";
import { startEmulator } from "./index";

// `npm run dev` closes the emulator on Ctrl-C and again when `next dev` exits: stopping twice
// must be quiet, not ERR_SERVER_NOT_RUNNING.
describe("the emulator's close()", () => {
  it("can be called more than once, at once or later", async () => {
    const emulator = await startEmulator({ port: 0 });
    expect((await fetch(`${emulator.url}/_health`)).ok).toBe(true);
    await expect(Promise.all([emulator.close(), emulator.close()])).resolves.toEqual([undefined, undefined]);
    await expect(emulator.close()).resolves.toBeUndefined();
    await expect(fetch(`${emulator.url}/_health`)).rejects.toThrow();
  });
});
