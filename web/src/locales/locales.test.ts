import { describe, expect, it } from 'vitest'
import { de } from './de'
import { en } from './en'

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

describe('locales', () => {
  it('German and English have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(de).sort())
  })

  it('no text is empty', () => {
    for (const [lng, res] of Object.entries({ de, en })) {
      const empty = keys(res).filter((k) => {
        const value = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], res)
        return typeof value !== 'string' || value.trim() === ''
      })
      expect(empty, lng).toEqual([])
    }
  })
})
