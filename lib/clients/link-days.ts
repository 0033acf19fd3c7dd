/** How long an onboarding link may work, in days. */
export const LINK_DAYS_RANGE = { min: 1, max: 30, default: 7 } as const;
export const LINK_DAYS_CHOICES = [1, 3, 7, 14, 30] as const;
