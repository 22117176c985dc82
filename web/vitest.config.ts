import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

// Component and unit tests: jsdom, no network: MSW (src/testing/server.ts) answers every request at the fetch boundary.
// Results also go to test-results/vitest.json (counted by the build scripts).
export default mergeConfig(
  viteConfig,
  defineConfig({
    // Tests may read the API's sources as text (row-error-codes.test.ts checks the server's documented codes).
    server: { fs: { allow: ['.', '../api'] } },
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['./src/testing/setup.ts'],
      restoreMocks: true,
      testTimeout: 15_000,
      reporters: ['default', 'json'],
      outputFile: { json: 'test-results/vitest.json' },
    },
  }),
)
