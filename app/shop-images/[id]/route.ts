import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { shopProducts } from "@/db/schema";
import { idSchema } from "@/lib/validation/common";

// Product pictures are public (they are shown in the shop). The URL carries a version
// (?v=<updated at>), so a picture can be cached for a year and a new one gets a new URL.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!idSchema.safeParse(id).success) return new Response("Not found", { status: 404 });
  const db = await getDb();
  const [row] = await db.select({ image: shopProducts.image, type: shopProducts.imageType }).from(shopProducts).where(eq(shopProducts.id, id));
  if (!row?.image || !row.type) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(row.image), {
    headers: {
      "Content-Type": row.type,
      "Content-Length": String(row.image.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
    },
  });
}
