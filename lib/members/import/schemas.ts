import { z } from "zod";
import { MAX_IMPORT_BYTES } from "./parse";
import { msg } from "@/lib/validation/message-key";

export const memberImportSchema = z.object({
  csv: z.string().min(1, msg("chooseCsv")).max(MAX_IMPORT_BYTES, msg("fileTooLarge", { megabytes: MAX_IMPORT_BYTES / 1_000_000 })),
});
