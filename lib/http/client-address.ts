import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * The client's address, from X-Forwarded-For as the production server (scripts/start.mjs)
 * passes it on: whatever the client sent, then what each trusted proxy appended, then the
 * socket's address. Counting `trustedProxyCount` entries back from the end skips the
 * proxies; everything before that came from the client and counts for nothing. A chain
 * shorter than that (a request that did not pass the proxies) gives its first entry.
 * "unknown" when there is no usable address.
 */
export function clientAddress(headers: Headers, trustedProxyCount: number): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return "unknown";
  const entry = chain[Math.max(0, chain.length - 1 - trustedProxyCount)]!;
  return normalizeAddress(entry) ?? "unknown";
}

/**
 * What a per-address limit counts by: an IPv4 address, or an IPv6 address's /64, since
 * one subscriber usually holds a whole /64 and could otherwise rotate through it.
 */
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  const prefix = ipaddr.IPv6.parse(address).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...prefix, 0, 0, 0, 0]).toString()}/64`;
}

/** One address in its canonical form ("::ffff:1.2.3.4" → "1.2.3.4"), without a port; null if it is none. */
function normalizeAddress(entry: string): string | null {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  const withPort = /^([\d.]+):\d+$/.exec(entry);
  const candidate = bracketed?.[1] ?? withPort?.[1] ?? entry;
  if (isIP(candidate) === 0) return null;
  return ipaddr.process(candidate).toString();
}
