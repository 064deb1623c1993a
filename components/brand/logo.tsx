import Link from "next/link";
import { LOGO_CLASSES, LogoMark } from "./logo-mark";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className={LOGO_CLASSES}>
      <LogoMark />
      <span>Tatami</span>
    </Link>
  );
}
