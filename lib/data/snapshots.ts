import "server-only";
import type { PluginConfig } from "../chakra/schemas";
import type { Prisma } from "../generated/prisma/sqlite/client";
import { db } from "../db";
import { buildSearchText } from "./clients";

type Tx = Prisma.TransactionClient;

/** What the dashboard filters on, computed once from a fetched configuration. */
export function summarizeConfig(config: PluginConfig) {
  const phones = config.whatsappPhoneNumbers;
  const needsAttention =
    phones.some((p) => p.status && p.status !== "CONNECTED") ||
    phones.some((p) => p.quality_rating === "RED") ||
    config.whatsappBusinessAccounts.some((w) => w.account_review_status === "REJECTED");
  return {
    wabaCount: config.whatsappBusinessAccounts.length,
    phoneCount: phones.length,
    connectedPhoneCount: phones.filter((p) => p.status === "CONNECTED").length,
    needsAttention,
  };
}

/**
 * Stores a fetched plugin configuration (raw, plus the filtered fields) and brings the
 * client's status and search text up to date with it.
 */
export async function storeSnapshot(
  { clientId, pluginId, config }: { clientId: string | null; pluginId: string; config: PluginConfig },
  tx: Tx = db,
) {
  const summary = summarizeConfig(config);
  const snapshot = await tx.pluginConfigSnapshot.create({
    data: {
      clientId,
      pluginId,
      raw: config as Prisma.InputJsonValue,
      ...summary,
      phoneNumbers: {
        create: config.whatsappPhoneNumbers.map((p) => ({
          phoneNumberId: p.id,
          displayPhoneNumber: p.display_phone_number ?? "",
          verifiedName: p.verified_name ?? null,
          status: p.status ?? null,
          qualityRating: p.quality_rating ?? null,
          isOnBizApp: p.is_on_biz_app ?? null,
        })),
      },
    },
    select: { id: true },
  });
  if (clientId) {
    const client = await tx.client.findUnique({
      where: { id: clientId },
      select: { name: true, contactName: true, contactEmail: true, clientReferenceId: true, pluginId: true, onboardingStatus: true },
    });
    if (client) {
      const status = summary.needsAttention ? "ATTENTION" : summary.connectedPhoneCount > 0 ? "CONNECTED" : client.onboardingStatus;
      await tx.client.update({
        where: { id: clientId },
        data: {
          onboardingStatus: status,
          searchText: buildSearchText(client, config.whatsappPhoneNumbers.map((p) => p.display_phone_number ?? "")),
        },
      });
    }
  }
  return snapshot;
}

/** The latest stored configuration of a client's plugin, and when it was fetched. */
export async function latestConfigForClient(clientId: string) {
  const snapshot = await db.pluginConfigSnapshot.findFirst({ where: { clientId }, orderBy: { fetchedAt: "desc" }, select: { raw: true, fetchedAt: true } });
  return snapshot ? { config: snapshot.raw as unknown as PluginConfig, fetchedAt: snapshot.fetchedAt } : null;
}
