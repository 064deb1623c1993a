import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

/**
 * A table that scrolls sideways on narrow screens instead of squashing. `relative`: screen-reader
 * text (absolutely placed) in a cell scrolled out of view would otherwise widen the whole page.
 */
export function Table({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  return (
    <div className="relative overflow-x-auto">
      <table className={cn("w-full min-w-full text-left text-sm", className)} {...props} />
    </div>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cn("border-b border-stone-200 bg-stone-50 px-3 py-2 text-xs font-semibold tracking-wide text-stone-500 uppercase", className)} {...props} />;
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("border-b border-stone-100 px-3 py-2.5 align-middle", className)} {...props} />;
}
