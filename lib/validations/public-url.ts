import ipaddr from "ipaddr.js";

/*
 * Addresses that someone else fetches (ChakraHQ posts to webhooks, the client's browser
 * loads the logo) must name a host on the public internet, not this machine, a private
 * network or a cloud's metadata service. Only what the address itself says is checked: a
 * public name that resolves to a private address is for the fetching side to refuse.
 */

// IANA's global unicast block: every other IPv6 address is local, special or unassigned.
const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR("2000::/3");

// Names that only ever resolve inside a machine or a private network.
const LOCAL_NAMES = ["localhost", "local", "internal", "lan", "home.arpa", "localdomain"];

/** Whether an IP address is publicly routable (loopback, private, link-local and the like are not). */
export function isPublicAddress(address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (address.kind() === "ipv6") {
    const v6 = address as ipaddr.IPv6;
    // ::ffff:127.0.0.1 is 127.0.0.1.
    if (v6.isIPv4MappedAddress()) return isPublicAddress(v6.toIPv4Address());
    return v6.range() === "unicast" && v6.match(GLOBAL_UNICAST);
  }
  return address.range() === "unicast";
}

/**
 * Whether a URL's host is public. `hostname` is as WHATWG URL gives it: lower-case, IPv6
 * in brackets, and IPv4 in any spelling (0x7f000001, 127.1) already turned into 127.0.0.1.
 */
export function isPublicHostname(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host.startsWith("[") && host.endsWith("]")) {
    const literal = host.slice(1, -1);
    return ipaddr.IPv6.isValid(literal) && isPublicAddress(ipaddr.IPv6.parse(literal));
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(host)) return isPublicAddress(ipaddr.IPv4.parse(host));
  // A single label ("localhost", "metadata", "intranet") is resolved on the local network.
  if (!host.includes(".")) return false;
  return !LOCAL_NAMES.some((name) => host === name || host.endsWith(`.${name}`));
}

/** Whether an address is an https:// URL of a public host. */
export function isPublicHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && isPublicHostname(url.hostname);
  } catch {
    return false;
  }
}
