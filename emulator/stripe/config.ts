/** Process-wide emulator settings, set by startEmulator(). */
export const emulatorConfig = {
  /** Base URL browsers use to reach the emulator's pages (hosted checkout, 3-D Secure, invoices). */
  publicUrl: "http://127.0.0.1:12111",
  /**
   * Demo mode (npm run dev, the test suites, the e2e run): test keys may register webhook endpoints
   * on localhost and private addresses, because the app runs next to the emulator. Stripe refuses
   * those, and so does the emulator without demo mode.
   */
  demo: false,
};
