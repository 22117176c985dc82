import { describe, expect, it } from 'vitest'
import { textsOf } from '@/lib/i18n'

/** Every text with its key, flattened. */
function entries(obj: object, prefix = ''): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? entries(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)] as [string, string]])
}

describe('texts speak the language, not the code', () => {
  it('no text shows a camelCase enum code (temporarilyClosed, hoursPerWeek): the words a reader (and the import) knows', async () => {
    for (const lng of ['de', 'en'] as const) {
      const codes = entries(await textsOf(lng)).flatMap(([key, text]) =>
        [...text.replace(/\{\{[^}]*\}\}/g, '').matchAll(/\b[a-z]+[A-Z][A-Za-z]*\b/g)].map((m) => `${key}: ${m[0]}`))
      expect(codes, lng).toEqual([])
    }
  })
})
