import { Logo } from "@/components/brand/logo";

export default function CardLinkLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-10 sm:py-16">
      <Logo />
      <main className="mt-8 w-full max-w-lg">{children}</main>
    </div>
  );
}
