import "server-only";
import { db } from "../db";

export type AgencyBranding = { name: string; logoUrl: string | null; brandColor: string };

const DEFAULT_BRANDING: AgencyBranding = { name: "Your agency", logoUrl: null, brandColor: "#0f766e" };

/** The agency's name, logo and colour; defaults until an owner sets them. */
export async function getAgencyBranding(): Promise<AgencyBranding> {
  const row = await db.agencySettings.findUnique({
    where: { id: "agency" },
    select: { name: true, logoUrl: true, brandColor: true },
  });
  return row ?? DEFAULT_BRANDING;
}
