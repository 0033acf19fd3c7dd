/**
 * What the link's history shows of an email (never its body): selected by lib/data/emails.ts
 * (EMAIL_DELIVERY_SELECT), shown by components/links/link-panel.tsx.
 */
export type EmailDeliveryView = {
  id: string;
  to: string;
  subject: string;
  status: "QUEUED" | "SENT" | "RETRYING" | "FAILED";
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
};
