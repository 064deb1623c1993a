import { getDb } from "@/db/client";
import { unsubscribe } from "@/lib/mail/unsubscribe";

// RFC 8058 one-click unsubscribe: mail clients POST here from the List-Unsubscribe header.
export async function POST(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ok = await unsubscribe(await getDb(), decodeURIComponent(token));
  return new Response(ok ? "Unsubscribed" : "Unknown link", { status: ok ? 200 : 404, headers: { "content-type": "text/plain" } });
}
