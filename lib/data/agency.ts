import "server-only";
import { db } from "../db";
import { NUDGES_OFF, type NudgeSettings } from "../onboarding/nudges";
import type { AgencyInput } from "../validations/agency";
import type { NudgeSettingsInput } from "../validations/nudges";
import { recordAudit } from "./audit";
import { readRows } from "./sql";
import type { Actor } from "./team";

export type AgencyBranding = { name: string; logoUrl: string | null; brandColor: string };

import { DEFAULT_AGENCY_NAME } from "../agency-name";

export { DEFAULT_AGENCY_NAME };

const DEFAULT_BRANDING: AgencyBranding = { name: DEFAULT_AGENCY_NAME, logoUrl: null, brandColor: "#0f766e" };

/** The agency's name, logo and colour; defaults until an owner sets them. */
export async function getAgencyBranding(): Promise<AgencyBranding> {
  const row = await db.agencySettings.findUnique({
    where: { id: "agency" },
    select: { name: true, logoUrl: true, brandColor: true },
  });
  return row ?? DEFAULT_BRANDING;
}

/**
 * The branding and the default language in one read: the end client's page needs both on every
 * view, and this and its link are its only queries (lib/data/sql.ts readRows).
 */
export async function getAgencyForClients(): Promise<AgencyBranding & { defaultLanguage: string | null }> {
  const [row] = await readRows<AgencyBranding & { defaultLanguage: string | null }>(
    `SELECT "name", "logoUrl", "brandColor", "defaultLanguage" FROM "AgencySettings" WHERE "id" = ?`,
    "agency",
  );
  return row ?? { ...DEFAULT_BRANDING, defaultLanguage: null };
}

/** The language of clients whose own is not set; null: each browser's (Accept-Language). */
export async function getDefaultLanguage(): Promise<string | null> {
  const row = await db.agencySettings.findUnique({ where: { id: "agency" }, select: { defaultLanguage: true } });
  return row?.defaultLanguage ?? null;
}

/** Saves the agency's name, logo and colour (shown in emails and on the clients' page); audited. */
export async function updateAgencyBranding({ actor, input }: { actor: Actor; input: AgencyInput }): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.agencySettings.upsert({ where: { id: "agency" }, create: { id: "agency", ...input }, update: input });
    await recordAudit({ actor, action: "agency.updated", targetType: "agency", targetId: "agency", metadata: input }, tx);
  });
}

/** The agency's reminder settings (lib/onboarding/nudges.ts); all off until an owner turns them on. */
export async function getNudgeSettings(): Promise<NudgeSettings> {
  const row = await db.agencySettings.findUnique({
    where: { id: "agency" },
    select: { nudgeUnopenedDays: true, nudgeUnfinishedDays: true, nudgeExpiryWarning: true },
  });
  if (!row) return NUDGES_OFF;
  return { unopenedDays: row.nudgeUnopenedDays, unfinishedDays: row.nudgeUnfinishedDays, expiryWarning: row.nudgeExpiryWarning };
}

/** Saves the reminder settings; audited. */
export async function updateNudgeSettings({ actor, input }: { actor: Actor; input: NudgeSettingsInput }): Promise<void> {
  const data = {
    nudgeUnopenedDays: input.unopenedDays,
    nudgeUnfinishedDays: input.unfinishedDays,
    nudgeExpiryWarning: input.expiryWarning,
  };
  await db.$transaction(async (tx) => {
    const branding = await tx.agencySettings.findUnique({ where: { id: "agency" }, select: { id: true } });
    if (branding) await tx.agencySettings.update({ where: { id: "agency" }, data });
    else await tx.agencySettings.create({ data: { id: "agency", name: DEFAULT_BRANDING.name, ...data } });
    await recordAudit({ actor, action: "agency.nudges_updated", targetType: "agency", targetId: "agency", metadata: input }, tx);
  });
}
