import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, e2eEnv, signIn, startBrowser, type BrowserSession } from './browser.ts'

/*
 * Import and export fit together (issue 14): the long CSV the export writes goes back through the import page with no
 * changes, and a file with German column headers imports.
 */
const configured = e2eEnv.missing.length === 0

describe.skipIf(!configured)('CSV-Import passt zum Export (Browser)', () => {
  let session: BrowserSession
  const page = () => session.page

  const apiText = async (path: string): Promise<string> =>
    page().evaluate(async (path) => {
      const res = await fetch(path, { credentials: 'include' })
      if (!res.ok) throw new Error(`GET ${path}: ${res.status}`)
      return res.text()
    }, path)

  beforeAll(async () => {
    session = await startBrowser(e2eEnv.baseURL!)
    await signIn(page())
  })

  afterAll(async () => {
    await session?.close()
  })

  const upload = async (name: string, csv: string, delimiter: string, decimal: string) => {
    await page().goto('/indicators/import')
    await page().getByLabel('Trennzeichen').selectOption(delimiter)
    await page().getByLabel('Dezimalzeichen').selectOption(decimal)
    await page().getByLabel('CSV-Datei').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
  }

  it('re-imports our own long CSV export with no changes', async () => {
    const sets = JSON.parse(await apiText('/api/v1/indicator-sets?limit=500')) as { items: { id: string; name: string }[] }
    const set = sets.items.find((s) => s.name.startsWith('Kinder- und Jugendhilfe'))!
    const csv = await apiText(`/api/v1/exports/indicators?format=csv&indicatorSetId=${set.id}`)
    expect(csv.split('\n')[0]).toContain('space_name')
    await upload('export.csv', csv, 'comma', 'point')
    await page().getByRole('button', { name: 'Prüfen (Probelauf)' }).click()
    // counts grouped the German way (1.234)
    const ok = page().getByText(/^Probelauf ohne Fehler: [\d.]+ Zeilen würden importiert \(0 neu, 0 geändert, [\d.]+ unverändert\)\.$/)
    await ok.waitFor()
    expect(await axeViolations(page())).toEqual([])
    await page().getByRole('button', { name: 'Jetzt importieren' }).click()
    await page().getByText(/^Import abgeschlossen: [\d.]+ Zeilen \(0 neu, 0 geändert, [\d.]+ unverändert\)\.$/).waitFor()
  })

  it('imports a file with German column headers, semicolons and a decimal comma', async () => {
    const csv = 'Indikator;Sozialraum;Zeitraum;Wert;Zähler;Nenner;Status;Quelle\r\n'
      + 'hze-je-1000;BE-10-PGR-1010;2025;;1234;25000;provisional;Jugendamt\r\n'
      + 'inobhutnahmen;BE-10-PGR-1010;2025;41;;;provisional;Jugendamt\r\n'
    await upload('deutsch.csv', csv, 'semicolon', 'comma')
    await page().getByRole('button', { name: 'Prüfen (Probelauf)' }).click()
    await page().getByText(/^Probelauf ohne Fehler: 2 Zeilen würden importiert/).waitFor()
    await page().getByRole('button', { name: 'Jetzt importieren' }).click()
    await page().getByText(/^Import abgeschlossen: 2 Zeilen/).waitFor()
  })
})
