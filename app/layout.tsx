import type { Metadata, Viewport } from "next";
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
        <ToastProvider>{children}</ToastProvider>
      </body>
    </html>
  );
}
