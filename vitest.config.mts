import { defineConfig } from 'vitest/config'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { svelteTesting } from '@testing-library/svelte/vite'

// Two projects: Node code runs with Node's module conditions; the Svelte UI runs in jsdom with
// the browser conditions svelteTesting() sets (which would break Node-only packages).
// Inline projects inherit the root `test` options only with `extends: true` (vitest 4); the
// timeouts below are generous because CI machines are shared and busy. Tests that launch
// Chromium or LibreOffice set their own, larger budget (see src/main/testing/budgets.ts).
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'src/main/**/*.test.ts',
            'src/preload/**/*.test.ts',
            'src/shared/**/*.test.ts',
            'resources/**/*.test.ts',
            'test/**/*.test.ts'
          ],
          environment: 'node'
        }
      },
      {
        extends: true,
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
