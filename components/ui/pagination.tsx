import Link from "next/link";

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** Builds the URL of a page, keeping the current filters. */
  href: (page: number) => string;
}

export function Pagination({ page, pageSize, total, href }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const link = "rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100";
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 px-3 py-3 text-sm text-stone-600">
      <p>
        {from}–{to} of {total}
      </p>
      <div className="flex items-center gap-2">
        {page > 1 ? <Link className={link} href={href(page - 1)} rel="prev">Previous</Link> : <span className={`${link} opacity-40`} aria-disabled>Previous</span>}
        <span>
          Page {page} of {pages}
        </span>
        {page < pages ? <Link className={link} href={href(page + 1)} rel="next">Next</Link> : <span className={`${link} opacity-40`} aria-disabled>Next</span>}
      </div>
    </nav>
  );
}

interface KeysetPaginationProps {
  /** How many rows the whole list has. */
  total: number;
  /** The URL of the newer and the older page, null where there is none. */
  newer: string | null;
  older: string | null;
  /** The first page, offered once the reader has moved away from it. */
  first: string | null;
}

/** Newer/older links of a keyset list (lib/pagination.ts): no page numbers, every page costs the same. */
export function KeysetPagination({ total, newer, older, first }: KeysetPaginationProps) {
  const link = "rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100";
  const off = `${link} opacity-40`;
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 px-3 py-3 text-sm text-stone-600">
      <p>{total} in all</p>
      <div className="flex items-center gap-2">
        {first && (
          <Link className={link} href={first}>
            Newest
          </Link>
        )}
        {newer ? <Link className={link} href={newer} rel="prev">Newer</Link> : <span className={off} aria-disabled>Newer</span>}
        {older ? <Link className={link} href={older} rel="next">Older</Link> : <span className={off} aria-disabled>Older</span>}
      </div>
    </nav>
  );
}
