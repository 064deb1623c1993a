import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getStaffSession } from "@/lib/auth/session";
import { ledgerCsvFilename, ledgerCsvStream } from "@/lib/ledger/export-csv";
import { ledgerFilterFrom } from "@/lib/ledger/filters";

// Route handlers are not behind the staff layout: this one checks the session and role itself.
export async function GET(request: Request): Promise<Response> {
  const session = await getStaffSession();
  if (!session) return new Response("Please log in.", { status: 401 });
  if (!can(session.user.role, "ledger")) return new Response("Not found.", { status: 404 });

  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = ledgerFilterFrom(params);
  const db = await getDb();
  return new Response(ledgerCsvStream(db, session.dojo.id, filter), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${ledgerCsvFilename(session.dojo, filter)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
