import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveButton } from "@/components/clients/archive-button";
import { ReleasePluginHold } from "@/components/clients/release-plugin-hold";
import { StatusBadge } from "@/components/clients/status-badge";
import { ForgetParam } from "@/components/ui/forget-param";
import { buttonClass } from "@/components/ui/button-class";
import { Card, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/guards";
import { hasRole } from "@/lib/auth/roles";
import { describeActor, describeHistory } from "@/lib/clients/history";
import { LinkPanel } from "@/components/links/link-panel";
import { OpenRequest } from "@/components/links/open-request";
import { DisconnectWaba } from "@/components/whatsapp/disconnect-waba";
import { OutcomeNotice } from "@/components/ui/outcome-notice";
import { PluginConfigView } from "@/components/whatsapp/plugin-config";
import { RefreshButton } from "@/components/whatsapp/refresh-button";
import { WebhookForm } from "@/components/whatsapp/webhook-form";
import { getClient, getClientHistory } from "@/lib/data/clients/records";
import { listLinks } from "@/lib/data/onboarding/links";
import { connectionForClient } from "@/lib/data/snapshots";
import { listOpenAlerts } from "@/lib/data/alerts";
import { openClientRequest } from "@/lib/data/home";
import { purposesFor, suggestedPurpose } from "@/lib/onboarding/rules";
import { webhookSettingsOf } from "@/lib/chakra/schemas";
import { formatDateTime } from "@/lib/format";
import { DEFAULT_AGENCY_NAME, getAgencyBranding, getDefaultLanguage } from "@/lib/data/agency";
import { isLocale, LOCALE_NAMES } from "@/lib/i18n/locales";

export async function generateMetadata({ params }: PageProps<"/clients/[id]">): Promise<Metadata> {
  const client = await getClient((await params).id);
  return { title: client?.name ?? "Client" };
}

const SAVED: Record<string, string> = {
  created: "Client created.",
  updated: "Changes saved.",
  hold_released:
    "Hold released: the next connection asks ChakraHQ for a new plugin. Tell the client to try again: their link still works.",
};

export default async function ClientPage({ params, searchParams }: PageProps<"/clients/[id]">) {
  const user = await requireUser();
  const [{ id }, { saved }] = await Promise.all([params, searchParams]);
  const client = await getClient(id);
  if (!client) notFound();
  const [history, links, latest, alerts, agencyLanguage, { name: agencyName }, request] = await Promise.all([
    getClientHistory(client.id),
    listLinks(client.id),
    connectionForClient(client.id),
    listOpenAlerts(client.id),
    getDefaultLanguage(),
    getAgencyBranding(),
    openClientRequest(client.id),
  ]);
  const defaultLanguage = isLocale(agencyLanguage) ? agencyLanguage : null;
  const canEdit = hasRole(user.role, "ADMIN");
  const snapshot = client.snapshots[0];

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <Link href="/clients" className="text-sm font-medium text-teal-700 underline underline-offset-4">
          ← Clients
        </Link>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight break-words">{client.name}</h1>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
              <StatusBadge status={client.archived ? "ARCHIVED" : client.onboardingStatus} />
              <span className="font-mono break-all">{client.clientReferenceId}</span>
            </p>
          </div>
          {canEdit ? (
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/clients/${client.id}/edit` as Route} className={buttonClass("primary")}>
                Edit
              </Link>
              <ArchiveButton client={client} />
            </div>
          ) : null}
        </div>
        {typeof saved === "string" && SAVED[saved] ? (
          <>
            <Notice tone="success">{SAVED[saved]}</Notice>
            <ForgetParam name="saved" />
          </>
        ) : null}
        {alerts.length > 0 ? (
          <Notice
            tone="warning"
            title={alerts.length === 1 ? "Needs your attention" : `${alerts.length} things need your attention`}
          >
            <ul className="flex flex-col gap-2">
              {alerts.map((alert) => (
                <li key={alert.id}>
                  <span className="font-medium">{alert.title}.</span> {alert.meaning}{" "}
                  <span className="text-amber-800">Since {formatDateTime(alert.firstSeenAt)}.</span>
                </li>
              ))}
            </ul>
          </Notice>
        ) : null}
        {client.archived ? (
          <Notice tone="warning" title="Archived">
            Archived on {formatDateTime(client.archivedAt)}. Restore it to work with it again.
          </Notice>
        ) : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="contact-heading">
          <CardTitle id="contact-heading">Contact</CardTitle>
          <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[9rem_1fr]">
            <dt className="text-slate-500">Name</dt>
            <dd className="break-words">{client.contactName}</dd>
            <dt className="text-slate-500">Email</dt>
            <dd className="break-all">
              <a href={`mailto:${client.contactEmail}`} className="text-teal-700 underline underline-offset-2">
                {client.contactEmail}
              </a>
            </dd>
            <dt className="text-slate-500">Language</dt>
            <dd>
              {isLocale(client.language) ? (
                LOCALE_NAMES[client.language]
              ) : (
                <>
                  {defaultLanguage ? LOCALE_NAMES[defaultLanguage] : "Their browser's language"}{" "}
                  <span className="text-slate-500">(the agency&apos;s default)</span>
                </>
              )}
            </dd>
            <dt className="text-slate-500">Created</dt>
            <dd>
              {formatDateTime(client.createdAt)}
              {client.createdBy ? ` by ${client.createdBy.email}` : ""}
            </dd>
            <dt className="text-slate-500">Notes</dt>
            <dd className="break-words whitespace-pre-wrap">
              {client.notes || <span className="text-slate-500">None</span>}
            </dd>
          </dl>
        </Card>

        <Card id="plugin" aria-labelledby="plugin-heading">
          <CardTitle id="plugin-heading">ChakraHQ plugin</CardTitle>
          {client.pluginId ? (
            <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[9rem_1fr]">
              <dt className="text-slate-500">Plugin id</dt>
              <dd className="font-mono break-all">{client.pluginId}</dd>
              <dt className="text-slate-500">Checked with ChakraHQ</dt>
              <dd>
                {client.pluginVerifiedAt ? (
                  `Yes, on ${formatDateTime(client.pluginVerifiedAt)}`
                ) : (
                  <span className="font-medium text-amber-800">
                    Not verified: ChakraHQ could not be asked when it was saved
                  </span>
                )}
              </dd>
              <dt className="text-slate-500">Mapped</dt>
              <dd>
                {formatDateTime(client.pluginMappedAt)}
                {client.pluginMappedBy
                  ? ` by ${client.pluginMappedBy.email}`
                  : " when the client started connecting (ChakraHQ created it for their signup)"}
              </dd>
              {snapshot ? (
                <>
                  <dt className="text-slate-500">Last fetched</dt>
                  <dd>
                    {formatDateTime(snapshot.fetchedAt)}: {snapshot.wabaCount} business{" "}
                    {snapshot.wabaCount === 1 ? "account" : "accounts"}, {snapshot.phoneCount}{" "}
                    {snapshot.phoneCount === 1 ? "number" : "numbers"} ({snapshot.connectedPhoneCount} connected)
                  </dd>
                </>
              ) : null}
            </dl>
          ) : client.pluginHoldAt ? (
            <div className="mt-3 flex flex-col gap-3">
              <Notice tone="warning" title="Waiting for you: ChakraHQ may have created a plugin">
                <p>
                  On {formatDateTime(client.pluginHoldAt)} the app&apos;s request to ChakraHQ for this client&apos;s new
                  plugin ended without a clear outcome
                  {client.pluginHoldReason ? ` (${client.pluginHoldReason.replace(/\.+$/, "")})` : ""}. ChakraHQ may
                  have created it anyway, so no other plugin is asked for until this is settled; the client is told that
                  you have to finish setting up their account.
                </p>
                <ol className="mt-2 list-decimal space-y-1 pl-5">
                  <li>
                    In ChakraHQ&apos;s dashboard, look for a WhatsApp plugin with the client reference{" "}
                    <code className="font-mono break-all">{client.pluginHoldReference}</code>.
                  </li>
                  <li>
                    If there is one, edit this client and paste its plugin id: the client can then connect with it.
                  </li>
                  <li>If there is none, release the hold: the next connection asks ChakraHQ for a new plugin.</li>
                </ol>
              </Notice>
              {canEdit && client.pluginHoldReference ? (
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/clients/${client.id}/edit` as Route} className={buttonClass("primary")}>
                    Map the plugin
                  </Link>
                  <ReleasePluginHold clientId={client.id} reference={client.pluginHoldReference} />
                </div>
              ) : null}
            </div>
          ) : (
            <p className="mt-3 text-sm text-slate-600">
              No plugin yet. ChakraHQ creates one when the client first connects WhatsApp through an onboarding link
              {canEdit ? "; or edit the client to map a plugin it already has." : "."}
            </p>
          )}
        </Card>
      </div>

      <Card id="links" aria-labelledby="links-heading">
        <CardTitle id="links-heading" className="mb-4">
          Onboarding links
        </CardTitle>
        {canEdit && !client.archived && agencyName === DEFAULT_AGENCY_NAME ? (
          <div className="mb-4">
            <Notice tone="warning" title="Your agency's name is not set">
              The client&apos;s page and emails are signed &ldquo;{DEFAULT_AGENCY_NAME}&rdquo;.{" "}
              {hasRole(user.role, "OWNER") ? (
                <>
                  Set your agency&apos;s name and logo in{" "}
                  <Link href="/settings" className="font-medium underline underline-offset-2">
                    Settings
                  </Link>{" "}
                  before sending a link.
                </>
              ) : (
                "Ask an owner to set your agency's name in Settings before sending a link."
              )}
            </Notice>
          </div>
        ) : null}
        <OpenRequest
          clientId={client.id}
          request={request ? { what: request.what, when: formatDateTime(request.at) } : null}
          canAnswer={canEdit}
        />
        <LinkPanel
          clientId={client.id}
          contactEmail={client.contactEmail}
          links={links}
          canEdit={canEdit}
          archived={client.archived}
          purposes={purposesFor(client)}
          suggestedPurpose={suggestedPurpose({
            pluginId: client.pluginId,
            latest: latest
              ? { wabaCount: latest.config.whatsappBusinessAccounts.length, removed: latest.removed }
              : null,
          })}
        />
      </Card>

      <Card id="whatsapp" aria-labelledby="whatsapp-heading">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <CardTitle id="whatsapp-heading">WhatsApp</CardTitle>
            <p className="mt-1 text-sm text-slate-500">
              {latest
                ? `As ChakraHQ reported on ${formatDateTime(latest.fetchedAt)}.`
                : "Nothing fetched from ChakraHQ yet."}
            </p>
          </div>
          {client.pluginId && canEdit ? <RefreshButton clientId={client.id} /> : null}
        </div>
        <div className="mt-4">
          {latest ? (
            <OutcomeNotice>
              <PluginConfigView
                config={latest.config}
                wabaActions={canEdit ? (waba) => <DisconnectWaba clientId={client.id} waba={waba} /> : undefined}
              />
            </OutcomeNotice>
          ) : (
            <p className="text-sm text-slate-600">
              {client.pluginId
                ? canEdit
                  ? "Press Refresh to fetch the plugin's configuration."
                  : "An admin fetches it from ChakraHQ."
                : "It appears here once the client connects through an onboarding link, or a plugin is mapped."}
            </p>
          )}
        </div>
      </Card>

      {latest ? (
        <Card aria-labelledby="webhooks-heading">
          <CardTitle id="webhooks-heading">Webhook settings</CardTitle>
          <p className="mt-1 mb-4 text-sm text-slate-500">
            Where ChakraHQ forwards this plugin&apos;s WhatsApp events.
          </p>
          <WebhookForm
            clientId={client.id}
            canEdit={canEdit && !client.archived}
            initial={webhookSettingsOf(latest.config)}
          />
        </Card>
      ) : null}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-3 font-semibold">
          History
        </h2>
        {history.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing recorded yet.</p>
        ) : (
          <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white text-sm shadow-sm">
            {history.map((entry) => (
              <li key={entry.id} className="flex flex-col gap-0.5 p-3 sm:flex-row sm:justify-between sm:gap-4">
                <span className="break-words">{describeHistory(entry.action, entry.metadata)}</span>
                <span className="shrink-0 text-slate-500">
                  {describeActor(entry.action, entry.actorEmail)} · {formatDateTime(entry.createdAt)}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
