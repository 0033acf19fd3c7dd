import Link from "next/link";

// Inside the signed-in frame, whose <main> this already is: one main landmark, not two.
export default function Forbidden() {
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 py-10">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="text-slate-600">Your role does not give access to this page. An owner of the team can change it.</p>
      <Link href="/dashboard" className="font-medium text-teal-700 underline underline-offset-4">
        Back to the dashboard
      </Link>
    </div>
  );
}
