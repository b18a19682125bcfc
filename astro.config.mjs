// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

// Runtime settings (HOST, PORT, DATA_DIR, CONTENT_DIR) are read from process.env when the server starts, never baked in at build time.
export default defineConfig({
  output: 'server',
  // Astro's handler runs inside Seloste's own node:http server (src/server), which checks requests, serves static
  // files and cached pages, and sets the headers of every response: docs/decisions/0004. The front server refuses
  // larger bodies long before this backstop (src/server/route-rules.ts).
  adapter: node({ mode: 'middleware', bodySizeLimit: 12 * 1024 * 1024 }),
  // Collapse whitespace but keep the single spaces between inline elements (the 'jsx' default removes them).
  compressHTML: true,
  trailingSlash: 'ignore',
  // No sessions until the staff area needs them; the adapter's default would store them under node_modules.
  session: false,
  security: {
    checkOrigin: true,
    // The Content-Security-Policy is one header made once by the front server (src/server/security-headers.ts).
    // Astro's would hash the same scripts on every request, and would not reach static files, cached pages or refusals.
    csp: false,
  },
  markdown: { syntaxHighlight: false },
  // The stylesheet is a cacheable file rather than inline in every page.
  build: { inlineStylesheets: 'never' },
  // Scripts and assets are always files under /_astro/, never inlined, so the policy's script-src 'self' covers them.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
