import { MAX_WEBHOOK_BYTES, receiveWebhook, TOO_LARGE } from "@/lib/stripe/webhooks/receive";

// The signature covers the exact bytes Stripe sent, so the body is read as raw text, in Node.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ dojo: string }> }) {
  const { dojo } = await params;
  // Refuse an announced oversize body without reading it; receiveWebhook checks the real size.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_WEBHOOK_BYTES) return Response.json(TOO_LARGE.body, { status: TOO_LARGE.status });
  const reply = await receiveWebhook(dojo, await request.text(), request.headers.get("stripe-signature"));
  return Response.json(reply.body, { status: reply.status });
}
