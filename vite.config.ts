import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { metaContentSecurityPolicy } from './shared/contentSecurityPolicy.ts';

/** Puts the app's CSP into the built page too, so it holds even where a header is missing. */
function cspMetaTag(): Plugin {
  return {
    name: 'cadence-csp-meta',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy },
          injectTo: 'head',
        },
      ],
    },
  };
}

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs work under both `cadence://app/` and `http://127.0.0.1:PORT/`.
  base: './',
  plugins: [react(), cspMetaTag()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // The polyfill is an inline script, which the CSP forbids; Chromium needs no polyfill.
    modulePreload: { polyfill: false },
  },
});
