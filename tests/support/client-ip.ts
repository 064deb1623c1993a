// The buyer's address as the app reads it (lib/auth/client-ip.ts), set by the test:
//   vi.mock("@/lib/auth/client-ip", async () => (await import("../support/client-ip")).clientIpModule);
// Unless a test fixes one with useClientIp, every request comes from a new address, as when
// different people order in the same shop.
let fixed: string | null = null;
let n = 0;

export function useClientIp(address: string | null) {
  fixed = address;
}

export const clientIpModule = {
  clientIp: async () => fixed ?? `203.0.113.${(n++ % 250) + 1}`,
};
