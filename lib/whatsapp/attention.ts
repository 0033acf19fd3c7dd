import type { PluginConfig } from "../chakra/schemas";
import { clause, isNameDeclined, nameRejectionReason } from "./guidance";
import { meaningOf, PHONE_STATUS } from "./meaning";

/** What needs the agency's attention in a configuration, one sentence each. */
export function attentionItems(config: PluginConfig): string[] {
  const items: string[] = [];
  for (const waba of config.whatsappBusinessAccounts) {
    if (waba.account_review_status === "REJECTED")
      items.push(`${waba.name ?? waba.id}: Meta rejected the account review.`);
  }
  for (const phone of config.whatsappPhoneNumbers) {
    const name = phone.display_phone_number ?? phone.id;
    if (phone.status && phone.status !== "CONNECTED") {
      items.push(`${name} is not connected: ${phone.status} (${meaningOf(PHONE_STATUS, phone.status).meaning}).`);
    }
    if (phone.quality_rating === "RED") items.push(`${name} has a red quality rating: Meta may limit it.`);
    if (isNameDeclined(phone.name_status)) {
      const reason = nameRejectionReason(phone);
      items.push(`${name}: Meta rejected the display name${reason ? ` (reason: ${clause(reason)})` : ""}.`);
    }
  }
  if (config.whatsappBusinessAccounts.length > 0 && config.whatsappPhoneNumbers.length === 0) {
    items.push("A business account is connected but no phone number yet.");
  }
  return items;
}
