import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, e2eEnv, screenshot, startBrowser, type BrowserSession } from './browser.ts'

/*
 * Indicators in a real browser against the real API (demo spaces seeded; the demo data has no
 * indicators, so the flow creates one through the form): catalogue (axe) → CSV import with a
 * bad row (row errors by line and column, axe) → good file: dry run, import → the space page
 * shows the chart and its table (axe) → export dialog (axe) downloads a CSV that starts with the header.
 */
const configured = e2eEnv.missing.length === 0

describe.skipIf(!configured)('Indikatoren: anlegen, importieren, ansehen, exportieren (Browser)', () => {
  let session: BrowserSession
  const suffix = Date.now().toString(36).toUpperCase()
  const code = `E2E-SGB2-${suffix}`
  const name = `SGB-II-Quote ${suffix}`
  const page = () => session.page

  beforeAll(async () => {
    session = await startBrowser(e2eEnv.baseURL!)
    await page().goto('/login')
    await page().getByRole('textbox', { name: 'E-Mail-Adresse' }).fill(e2eEnv.email!)
    await page().getByLabel('Passwort').fill(e2eEnv.password!)
    await page().getByRole('button', { name: 'Anmelden' }).click()
    await page().waitForURL((url) => url.pathname === '/')
  })

  afterAll(async () => {
    await session?.close()
  })

  it('creates an indicator and shows it in the catalogue (axe)', async () => {
    await page().getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Indikatoren' }).click()
    await page().getByRole('heading', { level: 1, name: 'Indikatoren' }).waitFor()
    await page().getByRole('link', { name: 'Neuer Indikator' }).click()
    await page().getByRole('heading', { level: 1, name: 'Neuen Indikator anlegen' }).waitFor()
    await page().getByRole('textbox', { name: /^Kürzel/ }).fill(code)
    await page().getByRole('textbox', { name: /^Name/ }).fill(name)
    await page().getByRole('button', { name: 'Indikator anlegen' }).click()
    await page().getByRole('heading', { level: 1, name }).waitFor()
    await page().getByRole('link', { name: 'Zurück zum Katalog' }).click()
    await page().getByRole('link', { name }).waitFor()
    await screenshot(page(), 'e2e-indicator-catalogue')
    expect(await axeViolations(page())).toEqual([])
  })

  it('shows row errors with line and column for a bad CSV (axe)', async () => {
    await page().getByRole('navigation', { name: 'Bereiche der Indikatoren' }).getByRole('link', { name: 'CSV-Import' }).click()
    await page().getByRole('heading', { level: 1, name: 'Beobachtungen aus CSV importieren' }).waitFor()
    const bad = `indicator;space;period;value\n${code};12069616;2022;12,5\n${code};12069616;2023;zwölf\n${code};GIBTESNICHT;2024;3\n`
    await page().getByLabel('CSV-Datei').setInputFiles({ name: 'fehler.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) })
    await page().getByRole('table', { name: 'Vorschau der ersten 3 Zeilen' }).waitFor()
    await page().getByRole('button', { name: 'Prüfen (Probelauf)' }).click()
    const errors = page().getByRole('table', { name: 'Fehler je Zeile und Spalte' })
    await errors.waitFor()
    const rows = errors.locator('tbody tr')
    expect(await rows.count()).toBe(2)
    expect(await rows.nth(0).textContent()).toMatch(/^3value/)
    expect(await rows.nth(1).textContent()).toMatch(/^4space/)
    expect(await page().getByRole('button', { name: 'Jetzt importieren' }).isDisabled()).toBe(true)
    await screenshot(page(), 'e2e-indicator-import-errors')
    expect(await axeViolations(page())).toEqual([])
  })

  it('imports a good CSV after a clean dry run', async () => {
    const lines = ['indicator;space;period;value']
    for (const [year, own, parent] of [[2021, '13,1', '9,8'], [2022, '12,5', '9,4'], [2023, '11,8', '9,0'], [2024, '10,9', '8,7']]) {
      lines.push(`${code};12069616;${year};${own}`, `${code};12069-PR1;${year};${parent}`)
    }
    await page().getByLabel('CSV-Datei').setInputFiles({ name: 'werte.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) })
    await page().getByRole('button', { name: 'Prüfen (Probelauf)' }).click()
    await page().getByText(/^Probelauf ohne Fehler: 8 Zeilen/).waitFor()
    await page().getByRole('button', { name: 'Jetzt importieren' }).click()
    await page().getByText(/^Import abgeschlossen: 8 Zeilen \(8 neu/).waitFor()
    await screenshot(page(), 'e2e-indicator-import-done')
  })

  it('shows the time series chart and its table on the space page (axe)', async () => {
    const res = await session.context.request.get('/api/v1/spaces?q=Teltow&limit=50')
    const teltow = ((await res.json()) as { items: { id: string; code: string }[] }).items.find((s) => s.code === '12069616')
    expect(teltow, 'demo space Teltow').toBeTruthy()
    await page().goto(`/spaces/${teltow!.id}`)
    await page().getByRole('link', { name: 'Indikatoren dieses Sozialraums' }).click()
    await page().getByRole('heading', { level: 1, name: 'Indikatoren: Teltow' }).waitFor()
    const card = page().locator('section.chart-card', { has: page().getByRole('heading', { level: 2, name: new RegExp(name) }) })
    await card.locator('.recharts-surface').first().waitFor()
    await card.locator('.recharts-line-curve').first().waitFor()
    await card.getByText('Tabelle anzeigen').click()
    const table = card.getByRole('table', { name: `Werte von ${name} je Zeitraum` })
    await table.waitFor()
    const text = await table.textContent()
    expect(text).toContain('12,5')
    expect(text).toContain('9,4')
    await screenshot(page(), 'e2e-indicator-space')
    expect(await axeViolations(page())).toEqual([])
  })

  it('exports the values as CSV from the export dialog (axe)', async () => {
    await page().getByRole('button', { name: 'Exportieren …' }).click()
    const dialog = page().getByRole('dialog', { name: 'Indikatoren exportieren' })
    await dialog.waitFor()
    await dialog.getByRole('radio', { name: 'Einzelne Indikatoren' }).check()
    await dialog.getByRole('checkbox', { name: new RegExp(name) }).check()
    await dialog.getByRole('checkbox', { name: /deutsches Excel/ }).uncheck()
    expect(await axeViolations(page())).toEqual([])
    await screenshot(page(), 'e2e-indicator-export-dialog')
    const [download] = await Promise.all([page().waitForEvent('download'), dialog.getByRole('button', { name: 'Herunterladen' }).click()])
    await dialog.getByText(/^Datei „.+\.csv“ wurde heruntergeladen\.$/).waitFor()
    const file = await download.path()
    const content = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
    expect(content.startsWith('indicator_code,space_code,space_name,period,value')).toBe(true)
    expect(content).toContain(`${code},12069616,Teltow,2022,12.5`)
  })
})
