/**
 * The security headers of every response. The CSP carries a fresh nonce per request
 * (proxy.ts), so it is built per request; the rest is the same for every response
 * (next.config.ts).
 */

type Header = { key: string; value: string };

/** The headers of the build's script and style files: those that mean something for them. */
export function buildFileHeaders({ production }: { production: boolean }): Header[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
  ];
}

/**
 * Headers that do not change per request, for everything but the build's files (framing,
 * referrer and permission policies apply to documents: on each of a page's dozen scripts they
 * were 200 bytes of nothing).
 */
export function staticSecurityHeaders({ production }: { production: boolean }): Header[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    // frame-ancestors in the CSP says the same to current browsers; this is for older ones.
    { key: "X-Frame-Options", value: "DENY" },
    // Cross-origin requests carry the origin only, never a path (onboarding paths hold a token).
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), browsing-topics=()",
    },
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
  ];
}

/**
 * The Content-Security-Policy: scripts only from the app (with this request's nonce for
 * Next's inline scripts) and from ChakraHQ's SDK origins; frames only from the SDK; and no
 * site may frame the app (clickjacking of the "Connect WhatsApp" button).
 */
export function contentSecurityPolicy({
  nonce,
  sdkOrigins,
  development,
}: {
  nonce: string;
  sdkOrigins: string[];
  development: boolean;
}): string {
  const sdk = sdkOrigins.join(" ");
  const directives = [
    "default-src 'self'",
    // React's development build needs eval for its error overlay; production never does.
    `script-src 'self' 'nonce-${nonce}' ${sdk}${development ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (brand colours, progress bars) are part of the UI.
    "style-src 'self' 'unsafe-inline'",
    // Agency logos are any https image the owners chose.
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    `connect-src 'self' ${sdk}`,
    `frame-src ${sdk}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(development ? [] : ["upgrade-insecure-requests"]),
  ];
  return directives.join("; ");
}
