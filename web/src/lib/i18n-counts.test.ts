import { describe, expect, it } from 'vitest'
import i18n, { COUNT_PLACEHOLDERS, textsOf } from './i18n'

/** Every text key with its text, flattened ('inventory.coverage.people_other'). */
function entries(obj: object, prefix = ''): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? entries(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)] as [string, string]])
}

describe('counts in texts are written as the app writes numbers', () => {
  it('the coverage gaps count people as the table beside them does', async () => {
    expect(i18n.t('inventory.coverage.people', { count: 5000 })).toBe('5.000 Personen')
    expect(i18n.t('inventory.coverage.people', { count: 1 })).toBe('1 Person')
    expect(i18n.t('validation.maxLength', { max: 4000 })).toBe('Höchstens 4.000 Zeichen erlaubt.')
    // text given for a count (formatted by the caller) stays as it is
    expect(i18n.t('validation.maxLength', { max: '4000' })).toBe('Höchstens 4000 Zeichen erlaubt.')
    await i18n.changeLanguage('en')
    try {
      expect(i18n.t('inventory.coverage.people', { count: 5000 })).toBe('5,000 people')
    } finally {
      await i18n.changeLanguage('de')
    }
  })

  it('every text with a count placeholder, in both languages, groups thousands', async () => {
    for (const lng of ['de', 'en'] as const) {
      await i18n.changeLanguage(lng)
      const grouped = lng === 'de' ? '12.345' : '12,345'
      const texts = entries(await textsOf(lng)).filter(([, text]) => [...text.matchAll(/\{\{(\w+)\}\}/g)]
        .some((m) => COUNT_PLACEHOLDERS.has(m[1])))
      expect(texts.length).toBeGreaterThan(50)
      const args = Object.fromEntries([...COUNT_PLACEHOLDERS].map((name) => [name, 12345]))
      const ungrouped = texts.map(([key]) => key.replace(/_(zero|one|two|few|many|other)$/, ''))
        .map((key) => [key, i18n.t(key, args)])
        .filter(([, shown]) => shown.includes('12345') || !shown.includes(grouped))
      expect(ungrouped, lng).toEqual([])
    }
    await i18n.changeLanguage('de')
  })
})
