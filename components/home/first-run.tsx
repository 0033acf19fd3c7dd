import type { Route } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button-class";
import type { FirstRun } from "@/lib/data/home";

type Step = { title: string; text: string; done: boolean; action: { label: string; href: string } | null; who: string };

/** The three first steps of a new agency, each checked off as it is done; gone once all are. */
export function FirstRunSteps({ state, isOwner, canAct }: { state: FirstRun; isOwner: boolean; canAct: boolean }) {
  const steps: Step[] = [
    {
      title: "Set your agency's name and brand",
      text: "Your name, logo and colour appear in the emails and on your clients' onboarding page.",
      done: state.brandSet,
      action: isOwner ? { label: "Open Settings", href: "/settings" } : null,
      who: "An owner does this in Settings.",
    },
    {
      title: "Add a client",
      text: "The business you bring onto WhatsApp, and who to send its link to.",
      done: state.clientAdded,
      action: canAct ? { label: "Add a client", href: "/clients/new" } : null,
      who: "An admin or owner does this.",
    },
    {
      title: "Send the first link",
      text: "From the client's page: the client opens it and connects WhatsApp through ChakraHQ.",
      done: state.linkSent,
      action:
        canAct && state.firstClientId ? { label: "Send a link", href: `/clients/${state.firstClientId}#links` } : null,
      who: state.firstClientId ? "An admin or owner does this." : "Add a client first.",
    },
  ];
  const done = steps.filter((s) => s.done).length;
  // The next step to take is the first one not done: it gets the primary button.
  const next = steps.findIndex((s) => !s.done);
  return (
    <Card aria-labelledby="first-run-heading" className="border-teal-200 bg-teal-50/40">
      <CardHeader>
        <div>
          <CardTitle id="first-run-heading">Get started</CardTitle>
          <CardDescription>
            {done} of {steps.length} done.
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        <ol className="flex flex-col gap-3">
          {steps.map((step, i) => (
            <li key={step.title} className="flex gap-3" data-done={step.done}>
              <span
                aria-hidden
                className={`flex size-7 shrink-0 items-center justify-center rounded-full text-sm font-semibold ${
                  step.done ? "bg-emerald-600 text-white" : "border border-slate-300 bg-white text-slate-700"
                }`}
              >
                {step.done ? "✓" : i + 1}
              </span>
              <div className="flex min-w-0 flex-1 flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className={`font-medium ${step.done ? "text-slate-500 line-through" : ""}`}>
                    {step.title}
                    <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
                  </p>
                  {step.done ? null : (
                    <p className="text-sm text-slate-600">
                      {step.text} {step.action ? null : <span className="text-slate-500">{step.who}</span>}
                    </p>
                  )}
                </div>
                {!step.done && step.action ? (
                  <Link
                    href={step.action.href as Route}
                    className={buttonClass(i === next ? "primary" : "secondary", "shrink-0 self-start sm:self-center")}
                  >
                    {step.action.label}
                  </Link>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
