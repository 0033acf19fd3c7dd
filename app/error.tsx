"use client";

// No stylesheet import: a root boundary's CSS goes onto every page. Its classes are in the
// agency's stylesheet (app/globals.css) and the end client's (app/onboard/onboard.pcss).

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-16">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-slate-600">The page could not be shown. It has been logged; you can try again.</p>
      <div>
        <button
          type="button"
          onClick={reset}
          className="rounded-lg bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-slate-400"
        >
          Try again
        </button>
      </div>
    </main>
  );
}
