/** Process-wide emulator settings, set by startEmulator(). */
export const emulatorConfig = {
  /** Base URL browsers use to reach the emulator's pages (hosted checkout, 3-D Secure, invoices). */
  publicUrl: "http://127.0.0.1:12111",
};
