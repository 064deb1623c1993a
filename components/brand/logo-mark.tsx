// A tatami mat seen from above: drawn, so it needs no font.
export function LogoMark({ className = "size-8" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden>
      <rect width="32" height="32" rx="7" className="fill-brand-600" />
      <rect x="7" y="6" width="18" height="20" rx="1.5" fill="none" stroke="white" strokeWidth="2" />
      <path d="M7 16h18M16 6v10" stroke="white" strokeWidth="2" />
    </svg>
  );
}

export const LOGO_CLASSES = "inline-flex items-center gap-2 font-semibold tracking-tight text-stone-900";
