import { describe, expect, it } from "vitest";
import { addressBucket, clientAddress } from "@/lib/http/client-address";

// As the production server passes it on: what the client sent, what each proxy appended, the socket's address.
const forwarded = (value?: string) => new Headers(value === undefined ? {} : { "x-forwarded-for": value });

describe("clientAddress", () => {
  it("with no trusted proxy, is the socket's address: whatever the client forged comes before it", () => {
    expect(clientAddress(forwarded("198.51.100.7"), 0)).toBe("198.51.100.7");
    expect(clientAddress(forwarded("6.6.6.6, 198.51.100.7"), 0)).toBe("198.51.100.7");
    expect(clientAddress(forwarded("6.6.6.6,7.7.7.7 ,  198.51.100.7"), 0)).toBe("198.51.100.7");
  });

  it("behind trusted proxies, is what the outermost one saw, however long the forged part", () => {
    // client forged 6.6.6.6; nginx saw 203.0.113.9 and appended it; the socket is nginx, 10.0.0.2.
    expect(clientAddress(forwarded("6.6.6.6, 203.0.113.9, 10.0.0.2"), 1)).toBe("203.0.113.9");
    expect(clientAddress(forwarded("1.1.1.1, 2.2.2.2, 6.6.6.6, 203.0.113.9, 10.0.0.2"), 1)).toBe("203.0.113.9");
    // A CDN, then a load balancer.
    expect(clientAddress(forwarded("6.6.6.6, 203.0.113.9, 172.16.0.5, 10.0.0.2"), 2)).toBe("203.0.113.9");
  });

  it("on a chain shorter than the proxies it trusts (a request that bypassed them), is the first entry", () => {
    expect(clientAddress(forwarded("10.0.0.2"), 1)).toBe("10.0.0.2");
    expect(clientAddress(forwarded("203.0.113.9, 10.0.0.2"), 3)).toBe("203.0.113.9");
  });

  it("reads IPv6, in its canonical form, and IPv4 mapped into IPv6 as IPv4", () => {
    expect(clientAddress(forwarded("6.6.6.6, 2001:DB8:0:0:0:0:0:1"), 0)).toBe("2001:db8::1");
    expect(clientAddress(forwarded("::ffff:198.51.100.7"), 0)).toBe("198.51.100.7");
    expect(clientAddress(forwarded("::1"), 0)).toBe("::1");
  });

  it("drops a port, as some proxies add one", () => {
    expect(clientAddress(forwarded("198.51.100.7:51234"), 0)).toBe("198.51.100.7");
    expect(clientAddress(forwarded("[2001:db8::1]:443"), 0)).toBe("2001:db8::1");
    expect(clientAddress(forwarded("[2001:db8::1]"), 0)).toBe("2001:db8::1");
  });

  it("is 'unknown' without a header, for an empty one, and when the entry it picks is not an address", () => {
    expect(clientAddress(forwarded(), 0)).toBe("unknown");
    expect(clientAddress(forwarded(""), 0)).toBe("unknown");
    expect(clientAddress(forwarded(" , ,"), 0)).toBe("unknown");
    expect(clientAddress(forwarded("198.51.100.7, not-an-address"), 0)).toBe("unknown");
    expect(clientAddress(forwarded("<script>"), 0)).toBe("unknown");
    expect(clientAddress(forwarded("999.1.1.1"), 0)).toBe("unknown");
    // Legacy IPv4 spellings would let one address pass as many.
    expect(clientAddress(forwarded("0x7f.1"), 0)).toBe("unknown");
  });

  it("skips empty entries, so a forged ', ,' cannot shift the count", () => {
    expect(clientAddress(forwarded(", , 6.6.6.6, , 203.0.113.9, 10.0.0.2"), 1)).toBe("203.0.113.9");
  });

  it("ignores X-Real-IP, which anyone can send", () => {
    const headers = new Headers({ "x-real-ip": "6.6.6.6", "x-forwarded-for": "198.51.100.7" });
    expect(clientAddress(headers, 0)).toBe("198.51.100.7");
    expect(clientAddress(new Headers({ "x-real-ip": "6.6.6.6" }), 0)).toBe("unknown");
  });
});

describe("addressBucket", () => {
  it("counts an IPv6 address by its /64, an IPv4 address by itself", () => {
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8:1:2:bbbb::2")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(addressBucket("198.51.100.7")).toBe("198.51.100.7");
    expect(addressBucket("unknown")).toBe("unknown");
  });
});
