"use client";
import { useState, type ReactNode } from "react";
import { Dialog as D } from "radix-ui";
import { Menu, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Logo } from "@/components/brand/logo";
import { NavLinks, type NavItem } from "./nav-links";

interface AppShellProps {
  nav: NavItem[];
  title: string;
  subtitle: string;
  footer: ReactNode;
  children: ReactNode;
  home: string;
}

/** Sidebar on wide screens, a top bar with a slide-in menu on phones. */
export function AppShell({ nav, title, subtitle, footer, children, home }: AppShellProps) {
  const [open, setOpen] = useState(false);
  const t = useTranslations("staff.shell");
  const sidebar = (
    <div className="flex h-full flex-col gap-6 p-4">
      <Logo href={home} />
      <div className="rounded-md bg-stone-100 px-3 py-2">
        <p className="truncate text-sm font-semibold text-stone-900">{title}</p>
        <p className="truncate text-xs text-stone-500">{subtitle}</p>
      </div>
      <nav aria-label={t("mainNavigation")} className="flex-1">
        <NavLinks items={nav} onNavigate={() => setOpen(false)} />
      </nav>
      <div>{footer}</div>
    </div>
  );
  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_1fr]">
      <aside className="no-print hidden border-r border-stone-200 bg-white lg:block">{sidebar}</aside>
      <header className="no-print sticky top-0 z-30 flex items-center justify-between border-b border-stone-200 bg-white px-4 py-2 lg:hidden">
        <Logo href={home} />
        <D.Root open={open} onOpenChange={setOpen}>
          <D.Trigger className="rounded-md p-2 text-stone-700 hover:bg-stone-100" aria-label={t("openMenu")}>
            <Menu className="size-6" />
          </D.Trigger>
          <D.Portal>
            <D.Overlay className="fixed inset-0 z-40 bg-stone-900/40" />
            <D.Content className="fixed inset-y-0 left-0 z-50 w-72 max-w-[85vw] bg-white shadow-xl">
              <D.Title className="sr-only">{t("menu")}</D.Title>
              <D.Description className="sr-only">{t("mainNavigation")}</D.Description>
              <D.Close className="absolute top-3 right-3 rounded-md p-1 text-stone-500 hover:bg-stone-100" aria-label={t("closeMenu")}>
                <X className="size-5" />
              </D.Close>
              {sidebar}
            </D.Content>
          </D.Portal>
        </D.Root>
      </header>
      <main className="min-w-0 px-4 py-6 sm:px-6 lg:px-10 lg:py-8">{children}</main>
    </div>
  );
}
