import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";

const router: AppRouterInstance = {
  back() {},
  forward() {},
  refresh() {},
  push() {},
  replace() {},
  prefetch() {},
  bfcacheId: "test",
};

/**
 * The HTML a server-rendered page (already awaited: `await Page(props)`) sends, with the
 * contexts its client components expect from the app's layout (router, react-query).
 */
export function renderPage(element: ReactNode): string {
  return renderToStaticMarkup(
    createElement(
      AppRouterContext.Provider,
      { value: router },
      createElement(QueryClientProvider, { client: new QueryClient() }, element),
    ),
  );
}

/** A page component's props, as Next passes them. */
export function pageProps(params: Record<string, string> = {}, searchParams: Record<string, string | string[]> = {}) {
  return { params: Promise.resolve(params), searchParams: Promise.resolve(searchParams) } as never;
}
