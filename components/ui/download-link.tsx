import { Download } from "lucide-react";
import { Button } from "./button";

/** A button that downloads a file from one of our routes (a plain link: no client navigation). */
export function DownloadLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Button asChild variant="secondary">
      <a href={href} download>
        <Download className="size-4" aria-hidden />
        {children}
      </a>
    </Button>
  );
}
