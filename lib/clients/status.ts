import type { OnboardingStatus } from "../generated/prisma/sqlite/enums";

export type { OnboardingStatus };

/** The list's filters: the onboarding stages, and archived clients. */
export type ClientFilter = OnboardingStatus | "ARCHIVED";

export const CLIENT_FILTERS: ClientFilter[] = [
  "NOT_INVITED",
  "INVITED",
  "OPENED",
  "CONNECTED",
  "ATTENTION",
  "ARCHIVED",
];

export const STATUS_INFO: Record<ClientFilter, { label: string; description: string; badge: string }> = {
  NOT_INVITED: {
    label: "Not invited",
    description: "No onboarding link sent yet",
    badge: "bg-slate-100 text-slate-700",
  },
  INVITED: { label: "Invited", description: "Link sent, not opened yet", badge: "bg-sky-100 text-sky-800" },
  OPENED: { label: "Opened", description: "The client opened the link", badge: "bg-indigo-100 text-indigo-800" },
  CONNECTED: { label: "Connected", description: "WhatsApp is connected", badge: "bg-emerald-100 text-emerald-800" },
  ATTENTION: {
    label: "Attention needed",
    description: "Something needs the agency",
    badge: "bg-amber-100 text-amber-900",
  },
  ARCHIVED: { label: "Archived", description: "Hidden from the usual lists", badge: "bg-slate-200 text-slate-600" },
};
