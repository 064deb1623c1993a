/** "per month", "every 3 months" */
export function intervalLabel(interval: string, count: number): string {
  return count === 1 ? `per ${interval}` : `every ${count} ${interval}s`;
}

/** The sign-up fee's name: its Stripe product, and so its line on the member's first invoice. */
export const signupFeeLabel = (plan: { name: string }) => `${plan.name} sign-up fee`;
