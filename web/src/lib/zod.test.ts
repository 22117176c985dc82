import { describe, expect, it } from 'vitest'
import { z } from './zod'

/** The app's sources as text (this module and tests left out), by path relative to src/. */
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!./zod.ts', '!../api/client.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
})

describe('zod', () => {
  it('is configured without eval (the CSP allows none)', () => {
    expect(z.config().jitless).toBe(true)
  })

  it('is imported from lib/zod only, so the setting comes first and zod stays out of the first paint', () => {
    const direct = Object.entries(sources).filter(([, text]) => /from\s+['"]zod['"]/.test(text)).map(([path]) => path)
    expect(direct).toEqual([])
  })
})
