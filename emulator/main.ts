// `npm run emulator`: the Stripe + Resend emulator on its own (EMULATOR_PORT, EMULATOR_PUBLIC_URL;
// EMULATOR_DEMO=1 lets test keys register webhook endpoints on localhost, as the app needs locally).
import { startEmulator } from "./index";

async function main() {
  const port = Number(process.env.EMULATOR_PORT ?? 12111);
  const emulator = await startEmulator({ port, publicUrl: process.env.EMULATOR_PUBLIC_URL || undefined, host: process.env.EMULATOR_HOST || undefined, demo: process.env.EMULATOR_DEMO === "1" });
  console.log(`Tatami emulator (Stripe + Resend) listening on ${emulator.url}

  Use it from the app with:
    STRIPE_API_BASE=${emulator.url}
    STRIPE_JS_URL=${emulator.url}/v3
    RESEND_BASE_URL=${emulator.url}/resend
    RESEND_API_KEY=re_test_local

  Any sk_test_<name> key is its own account (pk_test_<name> is its publishable key).
  Inbox:    ${emulator.url}/_inbox
  Controls: ${emulator.url}/_control/...   Health: ${emulator.url}/_health`);

  const stop = () => {
    void emulator.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
