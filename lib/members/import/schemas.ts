import { z } from "zod";
import { MAX_IMPORT_BYTES } from "./parse";

export const memberImportSchema = z.object({
  csv: z.string().min(1, "Choose a CSV file").max(MAX_IMPORT_BYTES, `The file is larger than ${MAX_IMPORT_BYTES / 1_000_000} MB; split it into smaller files`),
});
