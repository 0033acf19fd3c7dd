/*
 * Meta's time zone ids, as a WhatsApp Business Account's `timezone_id` carries them, with
 * the IANA name each stands for.
 *
 * Sources:
 * - Meta's own table, "Timezone IDs" (Marketing API reference, ad account):
 *   https://developers.facebook.com/docs/marketing-api/reference/ad-account/timezone-ids/v17.0
 *   We could read ids 0 to 53 from it directly (TZ_UNKNOWN = 0, TZ_AMERICA_LOS_ANGELES = 1, …,
 *   TZ_AFRICA_CAIRO = 53).
 * - Ids 54 to 125: two independent public copies of that table agree on every one of them
 *   (a PHP helper citing .../timezone-ids/v24.0, and an SQL table of Facebook time zones with
 *   their IANA names).
 * - From id 126 on the two copies disagree (126 is TZ_ASIA_ANADYR in one and TZ_ASIA_RIYADH in
 *   the other), so those ids are left out: the page shows "time zone id N" rather than a guess.
 *
 * Meta names the zones TZ_AMERICA_LOS_ANGELES and so on; the IANA names below are those names
 * written the IANA way (America/Los_Angeles).
 */

const ZONES: readonly (string | null)[] = [
  null, // 0: TZ_UNKNOWN
  "America/Los_Angeles",
  "America/Denver",
  "Pacific/Honolulu",
  "America/Anchorage",
  "America/Phoenix",
  "America/Chicago",
  "America/New_York",
  "Asia/Dubai",
  "America/Argentina/San_Luis",
  "America/Argentina/Buenos_Aires", // 10
  "America/Argentina/Salta",
  "Europe/Vienna",
  "Australia/Perth",
  "Australia/Broken_Hill",
  "Australia/Sydney",
  "Europe/Sarajevo",
  "Asia/Dhaka",
  "Europe/Brussels",
  "Europe/Sofia",
  "Asia/Bahrain", // 20
  "America/La_Paz",
  "America/Noronha",
  "America/Campo_Grande",
  "America/Belem",
  "America/Sao_Paulo",
  "America/Nassau",
  "America/Dawson",
  "America/Vancouver",
  "America/Dawson_Creek",
  "America/Edmonton", // 30
  "America/Rainy_River",
  "America/Regina",
  "America/Atikokan",
  "America/Iqaluit",
  "America/Toronto",
  "America/Blanc-Sablon",
  "America/Halifax",
  "America/St_Johns",
  "Europe/Zurich",
  "Pacific/Easter", // 40
  "America/Santiago",
  "Asia/Shanghai",
  "America/Bogota",
  "America/Costa_Rica",
  "Asia/Nicosia",
  "Europe/Prague",
  "Europe/Berlin",
  "Europe/Copenhagen",
  "America/Santo_Domingo",
  "Pacific/Galapagos", // 50
  "America/Guayaquil",
  "Europe/Tallinn",
  "Africa/Cairo",
  "Atlantic/Canary",
  "Europe/Madrid",
  "Europe/Helsinki",
  "Europe/Paris",
  "Europe/London",
  "Africa/Accra",
  "Europe/Athens", // 60
  "America/Guatemala",
  "Asia/Hong_Kong",
  "America/Tegucigalpa",
  "Europe/Zagreb",
  "Europe/Budapest",
  "Asia/Jakarta",
  "Asia/Makassar",
  "Asia/Jayapura",
  "Europe/Dublin",
  "Asia/Jerusalem", // 70
  "Asia/Kolkata",
  "Asia/Baghdad",
  "Atlantic/Reykjavik",
  "Europe/Rome",
  "America/Jamaica",
  "Asia/Amman",
  "Asia/Tokyo",
  "Africa/Nairobi",
  "Asia/Seoul",
  "Asia/Kuwait", // 80
  "Asia/Beirut",
  "Asia/Colombo",
  "Europe/Vilnius",
  "Europe/Luxembourg",
  "Europe/Riga",
  "Africa/Casablanca",
  "Europe/Skopje",
  "Europe/Malta",
  "Indian/Mauritius",
  "Indian/Maldives", // 90
  "America/Tijuana",
  "America/Hermosillo",
  "America/Mazatlan",
  "America/Mexico_City",
  "Asia/Kuala_Lumpur",
  "Africa/Lagos",
  "America/Managua",
  "Europe/Amsterdam",
  "Europe/Oslo",
  "Pacific/Auckland", // 100
  "Asia/Muscat",
  "America/Panama",
  "America/Lima",
  "Asia/Manila",
  "Asia/Karachi",
  "Europe/Warsaw",
  "America/Puerto_Rico",
  "Asia/Gaza",
  "Atlantic/Azores",
  "Europe/Lisbon", // 110
  "America/Asuncion",
  "Asia/Qatar",
  "Europe/Bucharest",
  "Europe/Belgrade",
  "Europe/Kaliningrad",
  "Europe/Moscow",
  "Europe/Samara",
  "Asia/Yekaterinburg",
  "Asia/Omsk",
  "Asia/Krasnoyarsk", // 120
  "Asia/Irkutsk",
  "Asia/Yakutsk",
  "Asia/Vladivostok",
  "Asia/Magadan",
  "Asia/Kamchatka", // 125
];

export type TimeZone =
  { kind: "named"; id: string; name: string } | { kind: "unknown_zone"; id: string } | { kind: "unlisted"; id: string };

/**
 * What a `timezone_id` means: an IANA name ("Asia/Kolkata" for 71), Meta's own "unknown"
 * (0), or an id this app has no trustworthy name for. Never throws on odd input.
 */
export function metaTimeZone(id: string | number | null | undefined): TimeZone | null {
  if (id === null || id === undefined) return null;
  const text = String(id).trim();
  if (text === "") return null;
  if (!/^\d{1,4}$/.test(text)) return { kind: "unlisted", id: text.slice(0, 40) };
  const index = Number(text);
  if (index === 0) return { kind: "unknown_zone", id: "0" };
  const name = ZONES[index];
  return name ? { kind: "named", id: String(index), name } : { kind: "unlisted", id: String(index) };
}
