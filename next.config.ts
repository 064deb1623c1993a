import type { NextConfig } from "next";

// Scripts and frames only from our origin and Stripe's (or the emulator standing in for it).
function contentSecurityPolicy(): string {
  const stripeJs = process.env.STRIPE_JS_URL ? new URL(process.env.STRIPE_JS_URL).origin : "https://js.stripe.com";
  const stripeApi = process.env.STRIPE_API_BASE ? new URL(process.env.STRIPE_API_BASE).origin : "https://api.stripe.com";
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline' ${dev ? "'unsafe-eval' " : ""}${stripeJs}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${stripeJs}`,
    "font-src 'self' data:",
    `connect-src 'self' ${stripeJs} ${stripeApi}`,
    `frame-src 'self' ${stripeJs} https://checkout.stripe.com https://hooks.stripe.com`,
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "argon2", "pg-boss"],
  poweredByHeader: false,
  // Webshop product pictures (up to 2 MB) are uploaded through a server action.
  experimental: { serverActions: { bodySizeLimit: "3mb" } },
  // Product pictures come from our own route (/shop-images/<id>?v=<version>), resized by next/image.
  images: { localPatterns: [{ pathname: "/shop-images/**" }] },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy() },
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
