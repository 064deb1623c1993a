import { LOGO_CLASSES, LogoMark } from "./logo-mark";

/**
 * The logo as an ordinary link (the browser loads the page), for a page with no other in-app
 * link: the card link page. Logo's <Link> would add Next's link code (3.3 kB gzip) to that page's
 * first load; its module is apart from logo.tsx because importing that one is enough to add it.
 */
export function PlainLogo({ href = "/" }: { href?: string }) {
  return (
    <a href={href} className={LOGO_CLASSES}>
      <LogoMark />
      <span>Tatami</span>
    </a>
  );
}
