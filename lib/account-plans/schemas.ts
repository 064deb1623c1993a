import { z } from "zod";
import { idSchema } from "@/lib/validation/common";
import { msg } from "@/lib/validation/message-key";

export const planSchema = z.enum(["basic", "pro", "ultimate"]);
export const intervalSchema = z.enum(["month", "year"]);

export const subscribeSchema = z.object({ plan: planSchema, interval: intervalSchema });
export const upgradeSchema = z.object({ plan: planSchema, prorationDate: z.coerce.number().int().positive() });
export const confirmUpgradeSchema = z.object({ requestId: idSchema });
export const downgradeSchema = z.object({ plan: planSchema });
export const planCheckoutSchema = z.object({ sessionId: z.string().regex(/^cs_(test|live)_\w+$/, msg("notCheckoutSession")) });
export const emptySchema = z.object({});
