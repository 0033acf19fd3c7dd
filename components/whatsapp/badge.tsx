import type { Meaning, Tone } from "@/lib/whatsapp/meaning";

const TONES: Record<Tone, string> = {
  good: "bg-emerald-100 text-emerald-900",
  warn: "bg-amber-100 text-amber-900",
  bad: "bg-red-100 text-red-900",
  neutral: "bg-slate-100 text-slate-700",
};

/**
 * A status value with its plain-language meaning next to it ("CONNECTED: can send and receive").
 * The text size and the meaning's colour are set once on the wrapper (the pill sets its own
 * colours): the overview repeats this badge twice in each of its rows, HTML and RSC payload alike.
 */
export function MeaningBadge({ meaning }: { meaning: Meaning }) {
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-1.5 text-xs text-slate-600">
      <span className={`rounded-full px-2 py-0.5 font-semibold ${TONES[meaning.tone]}`}>{meaning.label}</span>
      <span>{meaning.meaning}</span>
    </span>
  );
}
