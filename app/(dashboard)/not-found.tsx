import Link from "next/link";

// A client or page that is not there, inside the signed-in frame (one main landmark, not two).
export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 py-10">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-slate-600">There is nothing at this address. It may have been deleted.</p>
      <Link href="/clients" className="font-medium text-teal-700 underline underline-offset-4">
        Go to the clients
      </Link>
    </div>
  );
}
