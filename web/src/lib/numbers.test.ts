import { describe, expect, it } from 'vitest'
import { isNumberText, numberForInput, numberOf, parseNumber } from './numbers'

describe('parseNumber: the one reader of typed numbers', () => {
  it('reads German: the point groups thousands, the comma is the decimal mark', () => {
    expect(parseNumber('1.234', 'de')).toBe(1234)
    expect(parseNumber('10.000', 'de')).toBe(10000)
    expect(parseNumber('1.250', 'de')).toBe(1250)
    expect(parseNumber('1.234,5', 'de')).toBe(1234.5)
    expect(parseNumber('1.234.567,89', 'de')).toBe(1234567.89)
    expect(parseNumber('12,5', 'de')).toBe(12.5)
    expect(parseNumber(' 12,0 ', 'de')).toBe(12)
    expect(parseNumber('1234,5', 'de')).toBe(1234.5)
    expect(parseNumber(',5', 'de')).toBe(0.5)
    expect(parseNumber('-3', 'de')).toBe(-3)
    expect(parseNumber('−1.500', 'de')).toBe(-1500)
    expect(parseNumber('10 000', 'de')).toBe(10000)
    expect(parseNumber('10\u00a0000,5', 'de')).toBe(10000.5)
  })

  it('refuses what German does not write instead of guessing', () => {
    for (const text of ['1.23', '1.2345', '0.123', '1234.567', '12.5', '1.234.5', '12,5,3', '12,', '1,234.5', '1.234 567', 'zwölf',
      '1e3', '--1', '12 %', '.', ','])
      expect(parseNumber(text, 'de'), text).toBe('invalid')
  })

  it('reads English: the comma groups thousands, the point is the decimal mark', () => {
    expect(parseNumber('1,234.5', 'en')).toBe(1234.5)
    expect(parseNumber('1,234', 'en')).toBe(1234)
    expect(parseNumber('12.5', 'en')).toBe(12.5)
    expect(parseNumber('10,000', 'en')).toBe(10000)
    for (const text of ['1,23', '12,5', '1.234,5', '1,234,5'])
      expect(parseNumber(text, 'en'), text).toBe('invalid')
  })

  it('tells empty apart from no number', () => {
    expect(parseNumber('', 'de')).toBeUndefined()
    expect(parseNumber('   ', 'en')).toBeUndefined()
    expect(isNumberText('', 'de')).toBe(false)
    expect(isNumberText('1.23', 'de')).toBe(false)
    expect(isNumberText('1.234', 'de')).toBe(true)
    expect(numberOf('1.23', 'de')).toBeUndefined()
    expect(numberOf('1.234,5', 'de')).toBe(1234.5)
  })

  it('writes a number into a field the way it reads it back', () => {
    expect(numberForInput(1250.5, 'de')).toBe('1250,5')
    expect(numberForInput(1250.5, 'en')).toBe('1250.5')
    expect(numberForInput(10000, 'de')).toBe('10000')
    expect(numberForInput(1e-7, 'de')).toBe('0,0000001')
    expect(numberForInput(undefined, 'de')).toBe('')
    expect(numberForInput(null, 'en')).toBe('')
    for (const value of [0.1, 12.5, 1234.5678, -3, 1e-7, 123456789.25])
      for (const lng of ['de', 'en']) expect(parseNumber(numberForInput(value, lng), lng)).toBe(value)
  })
})
