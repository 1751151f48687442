// Vite builds the UI into web/dist; CMake compiles web/dist into the tuopin binary (tools/embed.c).
// The server sends a strict Content-Security-Policy (no inline scripts or styles), so nothing may be inlined.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': process.env.TUOPIN_URL || 'http://127.0.0.1:8080' },
  },
});
