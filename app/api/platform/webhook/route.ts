import { receivePlatformWebhook } from "@/lib/account-plans/webhooks/receive";

// Events of Tatami's own Stripe account (plan payments). The signature covers the raw bytes.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const reply = await receivePlatformWebhook(await request.text(), request.headers.get("stripe-signature"));
  return Response.json(reply.body, { status: reply.status });
}
