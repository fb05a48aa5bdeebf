import { Link, useSearchParams } from "@remix-run/react";

type Paging = { page: number; pageCount: number; matching: number; from: number; to: number };

/**
 * Which learners the matrix shows, and links to the pages before and after. Plain links that keep
 * the filters and sort, so paging works without JavaScript.
 */
export function LearnerPages({ paging }: { paging: Paging }) {
  const [params] = useSearchParams();
  if (paging.pageCount <= 1) return null;
  const to = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return `?${next.toString()}`;
  };
  return (
    <nav className="pager" aria-label="Pages of learners">
      <p>
        Learners {paging.from.toLocaleString("en-GB")} to {paging.to.toLocaleString("en-GB")} of{" "}
        {paging.matching.toLocaleString("en-GB")} (page {paging.page} of {paging.pageCount})
      </p>
      <ul className="pager-links">
        {paging.page > 1 ? (
          <li>
            <Link to={to(paging.page - 1)} rel="prev">
              Previous learners
            </Link>
          </li>
        ) : null}
        {paging.page < paging.pageCount ? (
          <li>
            <Link to={to(paging.page + 1)} rel="next">
              Next learners
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
