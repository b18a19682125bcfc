// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

// Runtime settings (HOST, PORT, DATA_DIR, CONTENT_DIR) are read from process.env when the server starts, never baked in at build time.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  // Collapse whitespace but keep the single spaces between inline elements (the 'jsx' default removes them).
  compressHTML: true,
  trailingSlash: 'ignore',
  // No sessions until the staff area needs them; the adapter's default would store them under node_modules.
  session: false,
  security: {
    checkOrigin: true,
    csp: true,
  },
  markdown: { syntaxHighlight: false },
  // The stylesheet is a cacheable file rather than inline in every page.
  build: { inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
});
