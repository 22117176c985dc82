import { defineConfig } from 'vitest/config'

// Browser tests: Debian's Chromium driven by playwright-core against the real API serving
// the built SPA. Needs RAUMNETZ_E2E_URL, RAUMNETZ_E2E_EMAIL and RAUMNETZ_E2E_PASSWORD
// (skipped with a printed reason otherwise); CHROMIUM_PATH overrides /usr/bin/chromium.
// Results go to test-results/e2e.json, screenshots to test-results/*.png.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
    // One flow, steps depend on each other: stop at the first failure.
    bail: 1,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/e2e.json' },
  },
})
