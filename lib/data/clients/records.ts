import "server-only";
import { cache } from "react";
import type { Prisma } from "../../generated/prisma/sqlite/client";
import { db } from "../../db";
import type { ClientFormInput } from "../../validations/clients";
import { recordAudit } from "../audit";
import type { Actor } from "../team";
import { fail, type Failure, type Result } from "../../result";
import { buildSearchText } from "./search-text";


/**
 * A client with who created and mapped it, and its latest plugin snapshot's summary.
 * Cached per request: a page and its metadata ask for the same client once.
 */
export const getClient = cache(async (id: string) => {
  return db.client.findUnique({
    where: { id },
    include: {
      createdBy: { select: { email: true } },
      pluginMappedBy: { select: { email: true } },
      snapshots: {
        orderBy: { fetchedAt: "desc" },
        take: 1,
        select: { fetchedAt: true, wabaCount: true, phoneCount: true, connectedPhoneCount: true, needsAttention: true },
      },
    },
  });
});

/** The client's timeline from the audit log, newest first. */
export async function getClientHistory(clientId: string, take = 50) {
  return db.auditLog.findMany({
    where: { clientId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, action: true, actorEmail: true, metadata: true, createdAt: true },
  });
}


/** A saved client's id, or why it was not saved. */
export type SaveResult = Result<{ id: string }>;

/** Which unique field a failed write ran into, if that is why it failed. */
export function uniqueViolation(error: unknown): "clientReferenceId" | "pluginId" | null {
  if ((error as { code?: string }).code !== "P2002") return null;
  const text = JSON.stringify((error as { meta?: unknown }).meta ?? {}) + String(error);
  if (text.includes("pluginId")) return "pluginId";
  if (text.includes("clientReferenceId")) return "clientReferenceId";
  return null;
}

/** "Acme Bakery (acme-bakery)": how a message names the client a plugin belongs to. */
export function nameOfOwner(owner: { name: string; clientReferenceId: string; archived: boolean }): string {
  return `${owner.name} (${owner.clientReferenceId}${owner.archived ? ", archived" : ""})`;
}

async function duplicateResult(field: "clientReferenceId" | "pluginId", pluginId: string | null): Promise<SaveResult> {
  let message = "Another client already has this reference.";
  if (field === "pluginId") {
    const owner = pluginId
      ? await db.client.findUnique({ where: { pluginId }, select: { name: true, clientReferenceId: true, archived: true } })
      : null;
    message = `This plugin already belongs to ${owner ? nameOfOwner(owner) : "another client"}: one plugin, one client.`;
  }
  return fail(message, { [field]: [message] });
}

// The language as stored (the form's schema allows only lib/i18n/locales.ts's).
type SaveInput = Omit<ClientFormInput, "saveUnverified" | "confirmPluginChange" | "language"> & {
  language?: string | null;
};

/** Creates a client, with its plugin mapping if it has one; audited. */
export async function createClient({
  actor,
  input,
  pluginVerified,
}: {
  actor: Actor;
  input: SaveInput;
  pluginVerified: boolean;
}): Promise<SaveResult> {
  const now = new Date();
  try {
    const client = await db.$transaction(async (tx) => {
      const created = await tx.client.create({
        data: {
          ...input,
          searchText: buildSearchText(input),
          createdById: actor.id,
          ...(input.pluginId
            ? { pluginMappedAt: now, pluginMappedById: actor.id, pluginVerifiedAt: pluginVerified ? now : null }
            : {}),
        },
        select: { id: true },
      });
      await recordAudit({ actor, action: "client.created", targetType: "client", targetId: created.id, clientId: created.id, metadata: { name: input.name } }, tx);
      if (input.pluginId) {
        await recordAudit(
          { actor, action: "client.plugin_mapped", targetType: "client", targetId: created.id, clientId: created.id, metadata: { pluginId: input.pluginId, verified: pluginVerified } },
          tx,
        );
      }
      return created;
    });
    return { ok: true, id: client.id };
  } catch (error) {
    const field = uniqueViolation(error);
    if (field) return duplicateResult(field, input.pluginId);
    throw error;
  }
}

/**
 * Changing or removing a client's plugin moves it to another WhatsApp setup, so it needs an
 * explicit confirmation; returns the refusal when it is missing.
 */
export function pluginChangeUnconfirmed(from: string | null, to: string | null, confirmed: boolean): Failure | null {
  if (!from || from === to || confirmed) return null;
  const message = to
    ? "Changing the plugin moves this client to another WhatsApp setup: tick the box to confirm."
    : "Removing the plugin detaches this client from its WhatsApp setup in this app: tick the box to confirm.";
  return fail(message, { confirmPluginChange: [message] });
}

const EDITABLE = ["name", "contactName", "contactEmail", "clientReferenceId", "notes", "language", "pluginId"] as const;

/**
 * Saves an edited client. A changed or removed plugin needs `confirmPluginChange` and is
 * audited with the old and new plugin. `pluginVerified` matters only when the plugin changed.
 */
export async function updateClient({
  actor,
  id,
  input,
  confirmPluginChange,
  pluginVerified,
}: {
  actor: Actor;
  id: string;
  input: SaveInput;
  confirmPluginChange: boolean;
  pluginVerified: boolean;
}): Promise<SaveResult> {
  const before = await db.client.findUnique({
    where: { id },
    select: {
      name: true,
      contactName: true,
      contactEmail: true,
      clientReferenceId: true,
      notes: true,
      language: true,
      pluginId: true,
      pluginHoldReference: true,
    },
  });
  if (!before) return fail("This client no longer exists.");
  input = { ...input, language: input.language ?? null };
  const pluginChanged = before.pluginId !== input.pluginId;
  const unconfirmed = pluginChangeUnconfirmed(before.pluginId, input.pluginId, confirmPluginChange);
  if (unconfirmed) return unconfirmed;
  const changed = EDITABLE.filter((f) => before[f] !== input[f]);
  if (changed.length === 0) return { ok: true, id };
  const now = new Date();
  try {
    await db.$transaction(async (tx) => {
      const phones = await latestPhoneNumbers(tx, id);
      await tx.client.update({
        where: { id },
        data: {
          ...input,
          searchText: buildSearchText(input, pluginChanged ? [] : phones),
          ...(pluginChanged
            ? {
                pluginMappedAt: input.pluginId ? now : null,
                pluginMappedById: input.pluginId ? actor.id : null,
                pluginVerifiedAt: input.pluginId && pluginVerified ? now : null,
                // Whatever ChakraHQ said of the old plugin says nothing of the new one.
                pluginMissingAt: null,
                // Mapping the plugin ChakraHQ may have created lifts the hold on new ones.
                ...(input.pluginId ? NO_HOLD : {}),
              }
            : {}),
        },
      });
      const fields = changed.filter((f) => f !== "pluginId");
      if (fields.length) {
        await recordAudit({ actor, action: "client.updated", targetType: "client", targetId: id, clientId: id, metadata: { fields } }, tx);
      }
      if (pluginChanged) {
        await recordAudit(
          {
            actor,
            action: input.pluginId ? (before.pluginId ? "client.plugin_changed" : "client.plugin_mapped") : "client.plugin_removed",
            targetType: "client",
            targetId: id,
            clientId: id,
            metadata: {
              from: before.pluginId,
              to: input.pluginId,
              verified: input.pluginId ? pluginVerified : null,
              ...(input.pluginId && before.pluginHoldReference ? { heldReference: before.pluginHoldReference } : {}),
            },
          },
          tx,
        );
      }
    });
    return { ok: true, id };
  } catch (error) {
    const field = uniqueViolation(error);
    if (field) return duplicateResult(field, input.pluginId);
    throw error;
  }
}

async function latestPhoneNumbers(tx: Prisma.TransactionClient, clientId: string): Promise<string[]> {
  const latest = await tx.pluginConfigSnapshot.findFirst({
    where: { clientId, isLatest: true },
    select: { phoneNumbers: { select: { displayPhoneNumber: true } } },
  });
  return latest?.phoneNumbers.map((p) => p.displayPhoneNumber) ?? [];
}

/** Archives or restores a client (never a hard delete); audited. */
export async function setClientArchived({ actor, id, archived }: { actor: Actor; id: string; archived: boolean }): Promise<SaveResult> {
  return db.$transaction(async (tx) => {
    const updated = await tx.client.updateMany({
      where: { id, archived: !archived },
      data: { archived, archivedAt: archived ? new Date() : null },
    });
    if (updated.count === 0) return fail(archived ? "This client is already archived." : "This client is not archived.");
    // The overview lists the numbers of active clients only (see SnapshotPhoneNumber.listed).
    await tx.snapshotPhoneNumber.updateMany({ where: { snapshot: { clientId: id, isLatest: true } }, data: { listed: !archived } });
    await recordAudit({ actor, action: archived ? "client.archived" : "client.restored", targetType: "client", targetId: id, clientId: id }, tx);
    return { ok: true, id } as const;
  });
}

/** A client's hold on new plugins, lifted (see lib/data/onboarding/mint.ts). */
export const NO_HOLD = {
  pluginHoldAt: null,
  pluginHoldReference: null,
  pluginHoldReason: null,
  pluginHoldNotifiedAt: null,
} as const;
