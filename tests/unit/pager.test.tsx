import type { Route } from "next";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Pager } from "@/components/ui/pager";

const hrefFor = (page: number) => `/clients?page=${page}` as Route;
const links = (html: string) =>
  [...html.matchAll(/<a [^>]*href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);

describe("the pager under a paged list", () => {
  it("shows nothing when everything fits on one page", () => {
    expect(renderToStaticMarkup(<Pager page={1} pageCount={1} hrefFor={hrefFor} />)).toBe("");
  });

  it("links to the pages either side and says where the reader is", () => {
    const html = renderToStaticMarkup(<Pager page={2} pageCount={3} hrefFor={hrefFor} />);
    expect(links(html)).toEqual([
      ["/clients?page=1", "← Previous"],
      ["/clients?page=3", "Next →"],
    ]);
    expect(html).toContain("Page 2 of 3");
  });

  it("has no Previous on the first page and no Next on the last", () => {
    expect(links(renderToStaticMarkup(<Pager page={1} pageCount={2} hrefFor={hrefFor} />))).toEqual([
      ["/clients?page=2", "Next →"],
    ]);
    expect(links(renderToStaticMarkup(<Pager page={2} pageCount={2} hrefFor={hrefFor} />))).toEqual([
      ["/clients?page=1", "← Previous"],
    ]);
  });
});
