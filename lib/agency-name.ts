/** The name emails and the clients' page use until an owner sets one. */
export const DEFAULT_AGENCY_NAME = "Your agency";

/** The product's name as the team's emails say it: "Acme Agency Partner Onboarding", or just "Partner Onboarding" before a name is set. */
export const productName = (agencyName: string) =>
  agencyName === DEFAULT_AGENCY_NAME ? "Partner Onboarding" : `${agencyName} Partner Onboarding`;
