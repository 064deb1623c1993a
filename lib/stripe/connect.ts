import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { dojos, members, stripeConnections } from "@/db/schema";
import { AppError, refused, unavailable } from "@/lib/errors";
import type { StaffContext } from "@/lib/auth/session";
import { decryptSecret, encryptSecret } from "@/lib/crypto";
import { assertSwitchAllowed, oldAccountLinks, unlinkOldAccount } from "./account-switch";
import { stripeFor } from "./client";
import { isAuthenticationError, isMissingInStripe, isPermissionError, isStripeError } from "./errors";
import { keyFingerprint } from "./key-fingerprint";
import { keyShape } from "./keys";
import type { ConnectStripeValues } from "./schemas";
import { createWebhookEndpoint, deleteWebhookEndpointQuietly, webhookUrlFor, webhookUrlProblem } from "./webhook-endpoint";

function accountName(account: Stripe.Account): string | null {
  return account.business_profile?.name || account.settings?.dashboard?.display_name || account.email || null;
}

async function retrieveAccount(stripe: Stripe): Promise<Stripe.Account> {
  try {
    return await stripe.accounts.retrieveCurrent();
  } catch (error) {
    if (isAuthenticationError(error)) throw refused("stripe.secret_key_refused");
    if (isPermissionError(error)) throw refused("stripe.restricted_key_no_account");
    throw stripeUnavailable(error);
  }
}

/**
 * Proves the publishable key belongs to the secret key's account without any card data: a
 * SetupIntent made with the secret key can be read with a publishable key only together with
 * its client secret, and only by that account's publishable key
 * (https://docs.stripe.com/api/setup_intents/retrieve); another account's key gets a 404. The
 * SetupIntent is cancelled again at once.
 */
async function checkKeyPair(stripe: Stripe, publishableKey: string, idempotencyKey: string): Promise<void> {
  let probe: Stripe.SetupIntent;
  try {
    probe = await stripe.setupIntents.create({ description: "Tatami: checks that the publishable key belongs to this account", metadata: { tatami_purpose: "key_check" } }, { idempotencyKey });
  } catch (error) {
    if (isPermissionError(error)) throw refused("stripe.restricted_key_no_setup_intents");
    throw stripeUnavailable(error);
  }
  try {
    if (!probe.client_secret) throw new Error("Stripe returned a SetupIntent without a client secret");
    await stripeFor(publishableKey).setupIntents.retrieve(probe.id, { client_secret: probe.client_secret });
  } catch (error) {
    if (isMissingInStripe(error)) throw refused("stripe.publishable_key_other_account");
    if (isAuthenticationError(error)) throw refused("stripe.publishable_key_refused");
    throw stripeUnavailable(error);
  } finally {
    await stripe.setupIntents.cancel(probe.id, {}, { idempotencyKey: `${idempotencyKey}:cancel` }).catch((error: unknown) => console.error(`Could not cancel the key-check SetupIntent ${probe.id}`, error));
  }
}

/**
 * Whether the new keys are another Stripe account than the one the dojo's Stripe ids were made
 * in. While connected, the stored account id says it; after a disconnect, one linked customer is
 * looked up with the new key (customer ids are per account, so "No such customer" answers it).
 */
async function switchesAccount(db: Db, stripe: Stripe, dojoId: string, account: Stripe.Account, livemode: boolean, previous: { accountId: string; livemode: boolean } | undefined): Promise<boolean> {
  if (previous) return previous.accountId !== account.id || previous.livemode !== livemode;
  const [linked] = await db.select({ customerId: members.stripeCustomerId }).from(members).where(and(eq(members.dojoId, dojoId), isNotNull(members.stripeCustomerId))).limit(1);
  if (!linked?.customerId) return (await oldAccountLinks(db, dojoId)).plans > 0;
  try {
    const customer = await stripe.customers.retrieve(linked.customerId);
    return customer.deleted === true;
  } catch (error) {
    if (isMissingInStripe(error)) return true;
    throw stripeUnavailable(error);
  }
}

function stripeUnavailable(error: unknown): AppError {
  console.error("Stripe call failed while connecting", error);
  return unavailable("stripe.unreachable_connecting");
}

/**
 * Connects (or reconnects) the dojo's Stripe account: checks the keys with Stripe, creates the
 * webhook endpoint, then stores everything in one transaction. Wrong keys leave nothing behind,
 * neither a row here nor an endpoint in Stripe. A previous connection's endpoint is deleted
 * once the new one is saved.
 */
export async function connectStripe(db: Db, ctx: StaffContext, input: ConnectStripeValues) {
  const dojoId = ctx.dojo.id;
  const mode = keyShape(input.secretKey)?.mode;
  // The schema checked the shapes; this only narrows the type.
  if (!mode) throw refused("stripe.secret_key_shape");
  // Said before any call: Stripe would refuse the webhook endpoint at the end anyway.
  const unreachable = webhookUrlProblem(dojoId);
  if (unreachable) throw refused("stripe.webhook_url_unreachable", unreachable);

  const stripe = stripeFor(input.secretKey);
  const account = await retrieveAccount(stripe);
  const [current] = await db.select({ accountId: stripeConnections.accountId, livemode: stripeConnections.livemode }).from(stripeConnections).where(eq(stripeConnections.dojoId, dojoId));
  const switching = await switchesAccount(db, stripe, dojoId, account, mode === "live", current);
  // Said before anything is made in Stripe; checked again under the lock below.
  if (switching) assertSwitchAllowed(await oldAccountLinks(db, dojoId), input.confirmAccountSwitch, !!current);
  await checkKeyPair(stripe, input.publishableKey, `tatami-key-check:${dojoId}:${keyFingerprint(input.secretKey)}:${input.attempt}`);

  let endpoint: Stripe.WebhookEndpoint;
  try {
    endpoint = await createWebhookEndpoint(stripe, {
      dojoId,
      dojoName: ctx.dojo.name,
      idempotencyKey: `tatami-webhook-endpoint:${dojoId}:${keyFingerprint(input.secretKey)}:${input.attempt}`,
    });
  } catch (error) {
    if (isPermissionError(error)) throw refused("stripe.restricted_key_no_webhooks");
    if (isStripeError(error) && error.type === "StripeInvalidRequestError") {
      console.error("Stripe refused the webhook endpoint", error);
      throw refused("stripe.webhook_endpoint_refused", { url: webhookUrlFor(dojoId), stripeMessage: error.message });
    }
    throw stripeUnavailable(error);
  }
  if (!endpoint.secret) {
    await deleteWebhookEndpointQuietly(stripe, endpoint.id);
    throw refused("stripe.webhook_secret_missing");
  }

  const values = {
    accountId: account.id,
    accountName: accountName(account),
    livemode: mode === "live",
    publishableKey: input.publishableKey,
    secretKeyEnc: encryptSecret(input.secretKey),
    currency: input.currency,
    webhookEndpointId: endpoint.id,
    webhookSecretEnc: encryptSecret(endpoint.secret),
    webhookUrl: endpoint.url,
    lastEventAt: null,
    connectedBy: ctx.user.id,
    connectedAt: new Date(),
  };

  let previous: { secretKeyEnc: string; webhookEndpointId: string | null } | undefined;
  try {
    previous = await db.transaction(async (tx) => {
      // Two connects of one dojo at once take turns here, so each sees the endpoint it replaces.
      await tx.select({ id: dojos.id }).from(dojos).where(eq(dojos.id, dojoId)).for("no key update");
      const [old] = await tx
        .select({ accountId: stripeConnections.accountId, livemode: stripeConnections.livemode, secretKeyEnc: stripeConnections.secretKeyEnc, webhookEndpointId: stripeConnections.webhookEndpointId })
        .from(stripeConnections)
        .where(eq(stripeConnections.dojoId, dojoId));
      // Another connect may have switched in between: decide on what is stored now.
      const switchingNow = old ? old.accountId !== account.id || old.livemode !== values.livemode : switching;
      if (switchingNow) {
        assertSwitchAllowed(await oldAccountLinks(tx, dojoId), input.confirmAccountSwitch, !!old);
        await unlinkOldAccount(tx, dojoId);
      }
      await tx
        .insert(stripeConnections)
        .values({ dojoId, ...values })
        .onConflictDoUpdate({ target: stripeConnections.dojoId, set: values });
      return old;
    });
  } catch (error) {
    await deleteWebhookEndpointQuietly(stripe, endpoint.id);
    throw error;
  }

  if (previous?.webhookEndpointId && previous.webhookEndpointId !== endpoint.id) {
    // The old endpoint may live in another Stripe account: delete it with the old key.
    await deleteWebhookEndpointQuietly(stripeFor(decryptSecret(previous.secretKeyEnc)), previous.webhookEndpointId);
  }
  return { accountId: account.id, accountName: values.accountName, livemode: values.livemode };
}
