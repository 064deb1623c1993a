import { describe, expect, it, vi } from "vitest";
import BenchFloorPage from "@/app/bench/floor/page";
import BenchShellPage from "@/app/bench/shell/[step]/page";
import { isNotFound } from "../support/next";

vi.mock("@/lib/auth/auth", () => import("../support/authjs"));
vi.mock("next-auth", () => import("../support/authjs"));

describe("the bench's pages", () => {
  it("the floor is not found unless the bench started the app with BENCH_ROUTES=on", async () => {
    await expect(BenchFloorPage()).rejects.toSatisfy(isNotFound);
  });

  it.each(["session", "shell"])("the staff shell's %s step is not found unless the bench started the app with BENCH_ROUTES=on", async (step) => {
    await expect(BenchShellPage({ params: Promise.resolve({ step }) })).rejects.toSatisfy(isNotFound);
  });
});
