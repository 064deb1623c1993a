import { customType } from "drizzle-orm/pg-core";

// Pictures live in the database: the same on PGlite and PostgreSQL, and nothing on the app
// server's disk, so several `next start` instances serve the same picture.
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
