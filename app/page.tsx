import Link from "next/link";
import { redirect } from "next/navigation";
import { Logo } from "@/components/brand/logo";
import { Button } from "@/components/ui/button";
import { getStaffSession } from "@/lib/auth/session";

export default async function HomePage() {
  if (await getStaffSession()) redirect("/dashboard");
  return (
    <div className="mx-auto flex min-h-dvh max-w-3xl flex-col px-5 py-8">
      <header className="flex items-center justify-between">
        <Logo />
        <nav className="flex gap-2">
          <Button asChild variant="ghost" size="sm"><Link href="/portal/login">Members area</Link></Button>
          <Button asChild variant="secondary" size="sm"><Link href="/login">Staff log in</Link></Button>
        </nav>
      </header>
      <main className="flex flex-1 flex-col justify-center py-16">
        <h1 className="text-4xl font-semibold tracking-tight text-stone-900 sm:text-5xl">Run your dojo, not paperwork.</h1>
        <p className="mt-4 max-w-xl text-lg text-stone-600">
          Members, invoices, a members area, a webshop and card payments straight into your own Stripe account.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Button asChild size="lg"><Link href="/signup">Sign up your dojo</Link></Button>
          <Button asChild size="lg" variant="secondary"><Link href="/login">Log in</Link></Button>
        </div>
      </main>
    </div>
  );
}
