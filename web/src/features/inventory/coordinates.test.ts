import i18n from 'i18next'
import { describe, expect, it } from 'vitest'
import { formatCoordinates } from './coordinates'

describe('coordinates', () => {
  it('name the hemisphere after each number, so the decimal comma cannot split them into four', async () => {
    const t = i18n.t.bind(i18n)
    expect(formatCoordinates(50.05, 10.5, t, 'de')).toBe('50,05° N, 10,5° O')
    expect(formatCoordinates(-33.8688, -70.1234567, t, 'de')).toBe('33,8688° S, 70,123457° W')
    await i18n.changeLanguage('en')
    try {
      expect(formatCoordinates(50.05, 10.5, i18n.t.bind(i18n), 'en')).toBe('50.05° N, 10.5° E')
    } finally {
      await i18n.changeLanguage('de')
    }
  })
})
