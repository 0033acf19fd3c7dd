import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { chakra as defaultChakra, isChakraError, mayHaveApplied, type ChakraClient, type ConnectToken } from "../../chakra";
import type { Prisma } from "../../generated/prisma/sqlite/client";
import { db, makeDurable } from "../../db";
import { env } from "../../env";
import { recordAudit, settleAudit } from "../audit";
import { NO_HOLD, type SaveResult } from "../clients/records";
import { fail } from "../../result";
import { buildSearchText } from "../clients/search-text";
import type { Actor } from "../team";

// ---------------------------------------------------------------- connect tokens

/*
 * A client without a plugin gets one from its first connect token (ChakraHQ's new-plugin
 * request). Two rules keep that to one plugin per client:
 *
 * - One request at a time, under a lock kept on the client's row. Its holder writes a
 *   heartbeat every second; a lock whose heartbeat is older than LOCK_STALE_MS belongs to a
 *   process that died, and is taken over at once. The holder notes when its request leaves
 *   for ChakraHQ: a dead holder that had not sent it left nothing behind at ChakraHQ.
 * - A request whose outcome is unknown (no answer in time, a 5xx, a cut connection, an answer
 *   that cannot be read, or a holder that died after sending) may have created a plugin the
 *   app does not know. It is recorded with the client reference it used, and further
 *   new-plugin requests for the client are held until an admin maps the plugin ChakraHQ
 *   created (found by that reference) or releases the hold.
 */

const LOCK_HEARTBEAT_MS = 1_000;
const LOCK_STALE_MS = 5_000;
/** Locks written before heartbeats existed (no owner) expire as they used to. */
const LEGACY_LOCK_MS = 60_000;

const UNLOCKED = {
  pluginMintOwner: null,
  pluginMintStartedAt: null,
  pluginMintHeartbeatAt: null,
  pluginMintSentAt: null,
  pluginMintReference: null,
} as const;

/** New-plugin requests held after one whose outcome is unknown: since when, its client reference, why. */
export type PluginHold = { since: Date; reference: string; reason: string };

/** `createdPlugin`: this mint asked ChakraHQ for the plugin the token is for (it held nothing before). */
export type ClientMint =
  | { ok: true; token: ConnectToken; createdPlugin: boolean }
  | { ok: false; reason: "held"; hold: PluginHold }
  | { ok: false; reason: "busy" };

const MINT_SELECT = {
  name: true,
  contactName: true,
  contactEmail: true,
  clientReferenceId: true,
  pluginId: true,
  pluginHoldAt: true,
  pluginHoldReference: true,
  pluginHoldReason: true,
  pluginMintOwner: true,
  pluginMintStartedAt: true,
  pluginMintHeartbeatAt: true,
  pluginMintSentAt: true,
  pluginMintReference: true,
} as const;
type MintClient = Prisma.ClientGetPayload<{ select: typeof MINT_SELECT }>;

type LockState = "free" | "live" | "dead_before_sending" | "dead_after_sending";

function lockState(client: MintClient, now: number): LockState {
  if (!client.pluginMintOwner) {
    const legacy = client.pluginMintStartedAt && client.pluginMintStartedAt.getTime() > now - LEGACY_LOCK_MS;
    return legacy ? "live" : "free";
  }
  const heartbeat = client.pluginMintHeartbeatAt?.getTime() ?? 0;
  if (heartbeat > now - LOCK_STALE_MS) return "live";
  return client.pluginMintSentAt ? "dead_after_sending" : "dead_before_sending";
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Mints a connect token for a client. With a plugin: for that plugin. Without: the first
 * mint asks ChakraHQ for a new plugin and records its id from the token; a mint that starts
 * meanwhile waits for it (up to `waitMs`, then "busy"), and while a hold is on, none is asked
 * for ("held"). ChakraHQ's definite refusals are thrown. By default a mint waits as long as
 * the first one's request may take. `pluginId`: the client's plugin as the caller just read it
 * (the end client's link): minted for without reading the client again.
 */
export async function mintConnectTokenForClient(
  clientId: string,
  {
    chakra = defaultChakra,
    waitMs = env.chakra.timeoutMs + 2_000,
    pluginId,
  }: { chakra?: ChakraClient; waitMs?: number; pluginId?: string | null } = {},
): Promise<ClientMint> {
  if (pluginId) return { ok: true, token: await chakra.createConnectToken({ pluginId }), createdPlugin: false };
  const deadline = Date.now() + waitMs;
  for (;;) {
    const client = await db.client.findUnique({ where: { id: clientId }, select: MINT_SELECT });
    if (!client) throw new Error("No such client");
    if (client.pluginId) {
      return { ok: true, token: await chakra.createConnectToken({ pluginId: client.pluginId }), createdPlugin: false };
    }
    if (client.pluginHoldAt) {
      const hold = {
        since: client.pluginHoldAt,
        reference: client.pluginHoldReference ?? client.clientReferenceId,
        reason: client.pluginHoldReason ?? "",
      };
      return { ok: false, reason: "held", hold };
    }

    const now = Date.now();
    const lock = lockState(client, now);
    const staleBefore = new Date(now - LOCK_STALE_MS);
    if (lock === "dead_after_sending") {
      // Its process died while ChakraHQ was answering: a plugin may exist.
      await holdNewPlugins({
        clientId,
        owner: client.pluginMintOwner!,
        staleBefore,
        reference: client.pluginMintReference ?? client.clientReferenceId,
        reason: "The app stopped while ChakraHQ was creating the plugin, so its answer was lost",
      });
      continue;
    }
    if (lock === "free" || lock === "dead_before_sending") {
      const owner = `${hostname()}/${process.pid}/${randomUUID()}`;
      const claimed = await db.client.updateMany({
        where: {
          id: clientId,
          pluginId: null,
          pluginHoldAt: null,
          ...(lock === "free"
            ? {
                pluginMintOwner: null,
                OR: [{ pluginMintStartedAt: null }, { pluginMintStartedAt: { lt: new Date(now - LEGACY_LOCK_MS) } }],
              }
            : {
                pluginMintOwner: client.pluginMintOwner,
                pluginMintSentAt: null,
                pluginMintHeartbeatAt: { lt: staleBefore },
              }),
        },
        data: {
          pluginMintOwner: owner,
          pluginMintStartedAt: new Date(now),
          pluginMintHeartbeatAt: new Date(now),
          pluginMintSentAt: null,
        },
      });
      if (claimed.count === 1) {
        if (lock === "dead_before_sending") {
          console.warn(
            `[clients] took over the new-plugin lock of ${clientId} from ${client.pluginMintOwner}, which stopped before asking ChakraHQ`,
          );
        }
        const minted = await mintNewPlugin({ clientId, client, owner, chakra });
        if (minted) return minted;
        continue;
      }
    }
    if (Date.now() > deadline) return { ok: false, reason: "busy" };
    await sleep(150);
  }
}

/** The new-plugin request itself, under the lock `owner` holds. Null: look again (the row changed). */
async function mintNewPlugin({
  clientId,
  client,
  owner,
  chakra,
}: {
  clientId: string;
  client: MintClient;
  owner: string;
  chakra: ChakraClient;
}): Promise<ClientMint | null> {
  const heartbeat = setInterval(() => {
    db.client
      .updateMany({ where: { id: clientId, pluginMintOwner: owner }, data: { pluginMintHeartbeatAt: new Date() } })
      .catch((error: Error) => console.error(`[clients] new-plugin lock heartbeat failed: ${error.message}`));
  }, LOCK_HEARTBEAT_MS);
  heartbeat.unref();
  try {
    const reference = client.clientReferenceId;
    // From here on ChakraHQ may create a plugin, whatever becomes of this process: the lock
    // and the audit log say so before the request leaves.
    const attempt = await db.$transaction(async (tx) => {
      const sent = await tx.client.updateMany({
        where: { id: clientId, pluginMintOwner: owner },
        data: { pluginMintSentAt: new Date(), pluginMintHeartbeatAt: new Date(), pluginMintReference: reference },
      });
      if (sent.count === 0) return null;
      return recordAudit(
        {
          actor: null,
          action: "client.plugin_requested",
          targetType: "client",
          targetId: clientId,
          clientId,
          metadata: { clientReferenceId: reference },
        },
        tx,
      );
    });
    if (attempt === null) return null;
    await makeDurable();
    let token: ConnectToken;
    try {
      token = await chakra.createConnectToken({
        newPluginName: `${client.name} WhatsApp`,
        clientReferenceId: reference,
        clientName: client.name,
        clientEmail: client.contactEmail,
      });
    } catch (error) {
      if (isChakraError(error) && mayHaveApplied(error)) {
        await holdNewPlugins({ clientId, owner, reference, reason: error.message, attempt });
        return null;
      }
      await releaseMintLock(clientId, owner);
      const reason = error instanceof Error ? error.message.slice(0, 300) : String(error);
      await settleAudit(attempt, { action: "client.plugin_request_refused", metadata: { clientReferenceId: reference, reason } });
      throw error;
    }
    const pluginId = token.claims.pluginId;
    try {
      const recorded = await db.$transaction(async (tx) => {
        const saved = await tx.client.updateMany({
          where: { id: clientId, pluginId: null },
          data: {
            ...UNLOCKED,
            ...NO_HOLD,
            pluginId,
            pluginMappedAt: new Date(),
            pluginVerifiedAt: new Date(),
            searchText: buildSearchText({ ...client, pluginId }),
          },
        });
        const action = saved.count === 1 ? "client.plugin_created" : "client.plugin_orphaned";
        await settleAudit(attempt, { action, metadata: { pluginId, clientReferenceId: reference } }, tx);
        return saved.count === 1;
      });
      // An admin mapped a plugin meanwhile: the new one is written in the history, and the
      // token is minted for the mapped one.
      if (!recorded) {
        await releaseMintLock(clientId, owner);
        return null;
      }
    } catch (error) {
      // The plugin exists at ChakraHQ but is not recorded here: hold, naming it.
      const why = error instanceof Error ? error.message.slice(0, 200) : String(error);
      await holdNewPlugins({
        clientId,
        owner,
        reference,
        reason: `ChakraHQ created plugin ${pluginId}, but it could not be saved: ${why}`,
        attempt,
      });
      return null;
    }
    return { ok: true, token, createdPlugin: true };
  } finally {
    clearInterval(heartbeat);
  }
}

async function releaseMintLock(clientId: string, owner: string): Promise<void> {
  await db.client.updateMany({ where: { id: clientId, pluginMintOwner: owner }, data: UNLOCKED });
}

/** Records a new-plugin request whose outcome is unknown, and holds further ones (if `owner` still holds the lock). */
async function holdNewPlugins({
  clientId,
  owner,
  reference,
  reason,
  staleBefore,
  attempt,
}: {
  clientId: string;
  owner: string;
  reference: string;
  reason: string;
  /** The audit entry of the request, written before it was sent: it is given this outcome. */
  attempt?: string;
  /** Taking over a dead process's lock: only while its heartbeat is still that old. */
  staleBefore?: Date;
}): Promise<void> {
  await db.$transaction(async (tx) => {
    const held = await tx.client.updateMany({
      where: {
        id: clientId,
        pluginId: null,
        pluginMintOwner: owner,
        ...(staleBefore ? { pluginMintHeartbeatAt: { lt: staleBefore } } : {}),
      },
      data: {
        ...UNLOCKED,
        pluginHoldAt: new Date(),
        pluginHoldReference: reference,
        pluginHoldReason: reason.slice(0, 500),
        pluginHoldNotifiedAt: null,
      },
    });
    // The row changed meanwhile (a plugin was mapped): the request stays on record as sent,
    // with no outcome, which is what is known.
    if (held.count === 0) return;
    const entry = { action: "client.plugin_mint_unknown" as const, metadata: { clientReferenceId: reference, reason } };
    if (attempt) await settleAudit(attempt, entry, tx);
    else await recordAudit({ actor: null, targetType: "client", targetId: clientId, clientId, ...entry }, tx);
  });
}

/** True once per hold: the caller then tells the admins about it. */
export async function claimPluginHoldNotice(clientId: string): Promise<boolean> {
  const claimed = await db.client.updateMany({
    where: { id: clientId, pluginHoldAt: { not: null }, pluginHoldNotifiedAt: null },
    data: { pluginHoldNotifiedAt: new Date() },
  });
  return claimed.count === 1;
}

/**
 * Lifts the hold on new plugins, so the next connection asks ChakraHQ for one. Only the hold
 * the admin saw (its reference) is released; audited.
 */
export async function releasePluginHold({
  actor,
  id,
  reference,
}: {
  actor: Actor;
  id: string;
  reference: string;
}): Promise<SaveResult> {
  return db.$transaction(async (tx) => {
    const released = await tx.client.updateMany({
      where: { id, pluginId: null, pluginHoldAt: { not: null }, pluginHoldReference: reference },
      data: NO_HOLD,
    });
    if (released.count === 0)
      return fail("This client has no such hold any more: reload the page.");
    await recordAudit(
      {
        actor,
        action: "client.plugin_hold_released",
        targetType: "client",
        targetId: id,
        clientId: id,
        metadata: { clientReferenceId: reference },
      },
      tx,
    );
    return { ok: true, id } as const;
  });
}
