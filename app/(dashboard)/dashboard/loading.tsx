/** While the dashboard's figures load: its layout in grey, so nothing jumps when they arrive. */
export default function DashboardLoading() {
  const block = "animate-pulse rounded-xl border border-slate-200 bg-white p-5 shadow-sm";
  return (
    <div className="flex flex-col gap-6" aria-busy="true">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <p className="mt-1 text-sm text-slate-500" role="status">
          Loading what needs you…
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <div className={`${block} h-64`} />
          <div className={`${block} h-80`} />
        </div>
        <div className="flex flex-col gap-6">
          <div className={`${block} h-64`} />
          <div className={`${block} h-32`} />
        </div>
      </div>
    </div>
  );
}
