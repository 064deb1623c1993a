import { PlainLogo } from "@/components/brand/plain-logo";

export default function CardLinkLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-10 sm:py-16">
      <PlainLogo />
      <main className="mt-8 w-full max-w-lg">{children}</main>
    </div>
  );
}
