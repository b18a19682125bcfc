/**
 * The Content Security Policy, sent as a header on every response (frame-ancestors works only in a header). It starts
 * from nothing and allows what the site uses: its own stylesheet and favicon, forms that post to itself, and scripts
 * only as files from its own origin (Astro emits processed scripts to /_astro/, never inline: see astro.config.mjs).
 * Inline scripts, style attributes, plugins, <base> and framing stay blocked.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // The editor's statute check asks /api/statute as the user types.
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers every response carries, whoever answers it (a page, the cache, a static file, a refusal), as a flat
 * [name, value, name, value…] list made once when the server starts.
 */
export function securityHeaders(publicOrigin: string): string[] {
  const headers: Record<string, string> = {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    // Links out (Finlex, EUR-Lex, an organisation's site) do not learn which notice or search the reader came from.
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  };
  // Behind a proxy that terminates TLS the public origin says https, and browsers should keep to it.
  if (publicOrigin.startsWith('https:')) headers['strict-transport-security'] = 'max-age=31536000';
  return Object.entries(headers).flat();
}
