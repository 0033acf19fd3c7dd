import { RootPageStyles } from "./error";

// A plain link: next/link here (a root boundary) put its client code on every page, the end
// client's included.
export default function NotFound() {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-16">
      <RootPageStyles />
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-600">There is nothing at this address.</p>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- on purpose, see above */}
      <a href="/" className="font-medium text-teal-700 underline underline-offset-4">
        Go to the home page
      </a>
    </main>
  );
}
