import "server-only";
import { getDb, type DbOrTx } from "@/db/client";
import { can, type Permission } from "@/lib/auth/permissions";
import { getStaffSession } from "@/lib/auth/session";
import { exportFilename } from "./keyset-csv";

/**
 * The GET of a staff CSV download. Route handlers are not behind the staff layout, so the
 * session and the role are checked here; the dojo comes from the session alone (query
 * parameters are never read).
 */
export async function staffCsvDownload(options: {
  permission: Permission;
  name: string;
  stream: (db: DbOrTx, dojoId: string) => ReadableStream<Uint8Array> | Promise<ReadableStream<Uint8Array>>;
}): Promise<Response> {
  const session = await getStaffSession();
  if (!session) return new Response("Please log in.", { status: 401 });
  if (!can(session.user.role, options.permission)) return new Response("Your role cannot download this list. Ask the dojo's owner.", { status: 403 });
  const db = await getDb();
  return new Response(await options.stream(db, session.dojo.id), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFilename(options.name, session.dojo)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
