import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY } from './src/main/security'
import { WORKER_ENTRIES } from './src/main/built-workers'

// ESM-only packages are bundled into the CommonJS main build; the rest stay in node_modules.
const bundled = ['lowdb', 'steno', 'mdast-util-from-markdown', 'approx-string-match']

// One policy for both doors: the meta tag here (Electron loads the page from disk), the header in serve.ts.
const csp: Plugin = {
  name: 'claimdesk-csp',
  transformIndexHtml: (html) =>
    html.replace('%CLAIMDESK_CSP%', CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''))
}

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: bundled },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli.ts'),
          // Worker threads: their entries sit beside these two (see built-workers.ts).
          [WORKER_ENTRIES.import]: resolve(__dirname, 'src/main/import/worker.ts'),
          [WORKER_ENTRIES.suggest]: resolve(__dirname, 'src/main/analysis/worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    },
    plugins: [svelte(), csp]
  }
})
