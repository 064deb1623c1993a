import { describe, expect, it } from "vitest";
import BenchFloorPage from "@/app/bench/floor/page";
import { isNotFound } from "../support/next";

describe("the bench's floor page", () => {
  it("is not found unless the bench started the app with BENCH_ROUTES=on", async () => {
    await expect(BenchFloorPage()).rejects.toSatisfy(isNotFound);
  });
});
