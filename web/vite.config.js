// Two pages: the explorer (index.html) and the API reference (docs/index.html, its own bundle).
// No inline script or style in the output, so the pages run under the strict CSP StaticFiles sends
// (and CloudFront will): default-src 'self'; script-src 'self'; style-src 'self'; ...
import { defineConfig } from 'vite';
import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Vite would otherwise inline small assets as data: URLs and inject a preload helper; both are
    // CSP-safe, but plain files keep the output easy to audit.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: {
        explorer: here('index.html'),
        docs: here('docs/index.html'),
      },
    },
  },
  plugins: [
    {
      // The document the docs page renders, beside the build, so the S3 upload has it too.
      name: 'chipcast-openapi',
      writeBundle() {
        copyFileSync(here('../docs/openapi.yaml'), here('dist/openapi.yaml'));
      },
    },
  ],
});
