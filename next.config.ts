import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // @react-pdf/renderer (invoice PDFs) is loaded by Node as it is published, not bundled: its
  // font and layout engines (pdfkit, yoga) read their own files at run time.
  serverExternalPackages: ["@electric-sql/pglite", "argon2", "@react-pdf/renderer"],
  poweredByHeader: false,
  // next-intl's formatter: in the browser the one that reads precompiled messages, without the ICU
  // parser (about 9 kB gzip off every page); on the server ours, which reads both
  // (lib/i18n/format-message.ts). The providers compile what they hand the client (lib/i18n/compile-messages.ts).
  turbopack: {
    resolveAlias: {
      "use-intl/format-message": { browser: "use-intl/format-message/format-only", default: "./lib/i18n/format-message.ts" },
    },
  },
  // Webshop product pictures (up to 2 MB) are uploaded through a server action.
  // authInterrupts: forbidden() shows a role the friendly refusal of app/(staff)/forbidden.tsx.
  experimental: { serverActions: { bodySizeLimit: "3mb" }, authInterrupts: true },
  // Product pictures come from our own route (/shop-images/<id>?v=<version>), resized by next/image.
  images: { localPatterns: [{ pathname: "/shop-images/**" }] },
  async headers() {
    return [
      {
        source: "/:path*",
        // The Content-Security-Policy is set per request in proxy.ts (it depends on the runtime environment).
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(self)" },
          { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
        ],
      },
    ];
  },
};

export default nextConfig;
