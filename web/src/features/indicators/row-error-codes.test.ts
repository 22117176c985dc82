import { describe, expect, it } from 'vitest'
import { de as localesDe } from './locales/de'
import { en as localesEn } from './locales/en'

/**
 * The codes the server documents for an import row error or a value rule (the "Codes:" list of ImportRowError in
 * api/Raumnetz.Application/Observations/ImportObservations.cs), read from the source itself, so a code added there
 * without a German and an English text fails here instead of showing the server's message in a German screen.
 */
function serverCodes(): string[] {
  const source = Object.values(import.meta.glob<string>('../../../../api/Raumnetz.Application/Observations/ImportObservations.cs', {
    query: '?raw', import: 'default', eager: true,
  }))[0]
  if (!source) throw new Error('ImportObservations.cs not found')
  const doc = source.split('\n')
    .filter((line) => line.trimStart().startsWith('///'))
    .map((line) => line.replace(/^\s*\/\/\/ ?/, ''))
    .join(' ')
  const list = /Codes: (.*?)\. As a warning \(the row is imported\): (\w+)/.exec(doc)
  if (!list) throw new Error('no "Codes:" list in ImportObservations.cs')
  const codes = list[1].replace(/\([^)]*(\([^)]*\)[^)]*)*\)/g, '').replace(/<see[^>]*\/>/g, '').split(/,|\band\b|\bthe value rules'/)
  return [...codes.map((c) => c.trim()).filter((c) => /^[a-z][A-Za-z]+$/.test(c)), list[2]]
}

describe('import row error codes', () => {
  it('every code the server documents has a German and an English text', () => {
    const codes = serverCodes()
    expect(codes.length).toBeGreaterThan(30)
    expect(codes).toContain('valueContradictsRate')
    const de = localesDe.indicators.import.rowError as Record<string, string>
    const en = localesEn.indicators.import.rowError as Record<string, string>
    expect(codes.filter((code) => !de[code])).toEqual([])
    expect(codes.filter((code) => !en[code])).toEqual([])
  })
})
