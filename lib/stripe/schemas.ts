import { z } from "zod";
import { stripeCurrencySchema } from "@/lib/validation/common";
import { limitMsg, msg } from "@/lib/validation/message-key";
import { keyShape } from "./keys";
import { PAYMENT_METHODS } from "./payment-methods";

// Shared by the Settings → Stripe form and its server action.
export const connectStripeSchema = z
  .object({
    publishableKey: z
      .string()
      .trim()
      .refine((v) => keyShape(v)?.kind === "publishable", msg("publishableKey")),
    secretKey: z
      .string()
      .trim()
      .refine((v) => {
        const kind = keyShape(v)?.kind;
        return kind === "secret" || kind === "restricted";
      }, msg("secretKey")),
    currency: stripeCurrencySchema,
    // One id per filled-in form: a double submit reuses it, so Stripe creates one endpoint.
    attempt: z.string().uuid(),
    // Yes to letting go of the earlier account's customers and plans (lib/stripe/account-switch.ts).
    confirmAccountSwitch: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    const pk = keyShape(v.publishableKey);
    const sk = keyShape(v.secretKey);
    if (pk && sk && pk.mode !== sk.mode) {
      ctx.addIssue({
        code: "custom",
        path: ["publishableKey"],
        message: msg("keyModes", { publishable: pk.mode, secret: sk.mode }),
      });
    }
  });

export type ConnectStripeInput = z.input<typeof connectStripeSchema>;
export type ConnectStripeValues = z.output<typeof connectStripeSchema>;

export const disconnectStripeSchema = z.object({});

export const reconcileSchema = z.object({ days: z.coerce.number().int().min(1, msg("atLeastOneDay")).max(30, limitMsg("atMostDays")).default(3) });

// Settings → Stripe → payment methods: the ones ticked besides card (card is always on).
export const paymentMethodsSchema = z.object({ methods: z.array(z.enum(PAYMENT_METHODS)).max(PAYMENT_METHODS.length) });
