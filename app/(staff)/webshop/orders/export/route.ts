import { staffCsvDownload } from "@/lib/exports/csv-response";
import { ordersCsvStream } from "@/lib/exports/orders-csv";
import { syncPaidAtDojoOrders } from "@/lib/shop/orders";

export function GET(): Promise<Response> {
  return staffCsvDownload({
    permission: "shop",
    name: "orders",
    // Orders paid at the desk are marked paid when orders are read, as the orders page does.
    stream: async (db, dojoId) => {
      await syncPaidAtDojoOrders(db, dojoId);
      return ordersCsvStream(db, dojoId);
    },
  });
}
