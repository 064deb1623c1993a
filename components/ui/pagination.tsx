import { KeysetLinks, PageLinks } from "./pagination-links";

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
  return <PageLinks from={from} to={to} total={total} page={page} pages={pages} prev={page > 1 ? href(page - 1) : null} next={page < pages ? href(page + 1) : null} />;
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
export function KeysetPagination(props: KeysetPaginationProps) {
  return <KeysetLinks {...props} />;
}
