"use client";
import { Printer } from "lucide-react";
import { Button } from "@/components/ui/button";

/** `label` in the staff member's words: the page around the document is theirs. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button onClick={() => window.print()}>
      <Printer className="size-4" aria-hidden />
      {label}
    </Button>
  );
}
