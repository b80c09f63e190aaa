/**
 * Time budgets for tests that start another program (Chromium, LibreOffice, a child process). They
 * are generous because CI machines are shared and busy: a slow start must not fail a test. The
 * default for every other test is in vitest.config.mts.
 */
export const EXTERNAL_PROGRAM_MS = 180_000
