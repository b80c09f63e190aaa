import { defineConfig } from 'vitest/config'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { svelteTesting } from '@testing-library/svelte/vite'

// Two projects: Node code runs with Node's module conditions; the Svelte UI runs in jsdom with
// the browser conditions svelteTesting() sets (which would break Node-only packages).
export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        test: {
          name: 'node',
          include: ['src/main/**/*.test.ts', 'src/shared/**/*.test.ts', 'resources/**/*.test.ts'],
          environment: 'node'
        }
      },
      {
        plugins: [svelte(), svelteTesting()],
        test: {
          name: 'ui',
          include: ['src/renderer/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['./vitest.setup.ts']
        }
      }
    ]
  }
})
