// Bundles TypeScript entry points (with lowdb and zod inlined) into .mjs files that a plain
// `node` child process can run: tests that kill a writer need a real second process.
import { build } from 'rolldown'

export async function bundle(entries: Record<string, string>, outDir: string): Promise<void> {
  await build({
    input: entries,
    platform: 'node',
    logLevel: 'silent',
    output: { dir: outDir, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' }
  })
}
