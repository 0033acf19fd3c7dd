import { RootPageStyles } from "./error";

// A plain link: next/link here (a root boundary) put its client code on every page, the end
// client's included.
export default function Forbidden() {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-16">
      <RootPageStyles />
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="text-slate-600">Your role does not give access to this page. An owner of the team can change it.</p>
      <a href="/dashboard" className="font-medium text-teal-700 underline underline-offset-4">
        Back to the dashboard
      </a>
    </main>
  );
}
