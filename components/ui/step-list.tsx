/** Numbered steps, each a title and a line of explanation. */
export function StepList({
  steps,
  className = "",
  bulletClassName = "bg-slate-100 text-slate-700",
}: {
  steps: readonly (readonly [string, string])[];
  className?: string;
  bulletClassName?: string;
}) {
  return (
    <ol className={`flex flex-col gap-3 ${className}`}>
      {steps.map(([title, text], index) => (
        <li key={title} className="flex gap-3">
          <span
            aria-hidden
            className={`flex size-7 shrink-0 items-center justify-center rounded-full text-sm font-semibold ${bulletClassName}`}
          >
            {index + 1}
          </span>
          <div>
            <p className="font-medium">{title}</p>
            <p className="text-sm text-slate-600">{text}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
