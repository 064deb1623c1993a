import { receiveWebhook } from "@/lib/stripe/webhooks/receive";

// The signature covers the exact bytes Stripe sent, so the body is read as raw text, in Node.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ dojo: string }> }) {
  const { dojo } = await params;
  const reply = await receiveWebhook(dojo, await request.text(), request.headers.get("stripe-signature"));
  return Response.json(reply.body, { status: reply.status });
}
