import type { Metadata, Viewport } from "next";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { ToastProvider } from "@/components/ui/toast";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tatami", template: "%s · Tatami" },
  description: "Run your dojo: members, invoices, card payments and more.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#24664f" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        {/* The shared components' words in English for a page that gives no language of its own;
            a page's own provider (members' language, the staff dashboard's) replaces it below. */}
        <IntlProvider locale="en" namespaces={[]}>
          <ToastProvider>{children}</ToastProvider>
        </IntlProvider>
      </body>
    </html>
  );
}
