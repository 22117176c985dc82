import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, e2eEnv, screenshot, signIn, startBrowser, type BrowserSession } from './browser.ts'

/*
 * Indicators in a real browser against the real API (demo spaces seeded; the demo data has no
 * indicators, so the flow creates one through the form): catalogue (axe) → CSV import with a
 * bad row (row errors by line and column, axe) → good file: dry run, import → the space page
 * shows the chart and its table (axe) → export dialog (axe) downloads a CSV that starts with the header →
 * map of two periods with its table (axe) → data entry grid saves a value (axe) → a soft factor is rated with the
 * keyboard and the summary appears (axe). The set and the rating indicator are created through the API.
 */
const configured = e2eEnv.missing.length === 0

describe.skipIf(!configured)('Indikatoren: anlegen, importieren, ansehen, exportieren (Browser)', () => {
  let session: BrowserSession
  const suffix = Date.now().toString(36).toUpperCase()
  const code = `E2E-SGB2-${suffix}`
  const name = `SGB-II-Quote ${suffix}`
  const page = () => session.page
  let entered: { setId: string; spaceId: string } | undefined


  /** JSON request from inside the page (session cookie and antiforgery header like the app). */
  const apiJson = async <T,>(method: string, path: string, body?: unknown): Promise<T> =>
    page().evaluate(
      async ({ method, path, body }) => {
        const token = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='))?.slice(11) ?? '')
        const res = await fetch(path, {
          method,
          credentials: 'include',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': token },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
        if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
        return res.json()
      },
      { method, path, body },
    ) as Promise<T>

  beforeAll(async () => {
    session = await startBrowser(e2eEnv.baseURL!)
    await signIn(page())
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
    expect(await rows.nth(0).textContent()).toBe('3value„zwölf“ ist keine Zahl (erwartet wird ein Dezimalkomma, etwa 12,5).')
    expect(await rows.nth(1).textContent()).toBe('4spaceKein Sozialraum hat den Schlüssel „GIBTESNICHT“.')
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
    // a chart is asked for and drawn as its card comes near the viewport
    await card.scrollIntoViewIfNeeded()
    await card.locator('svg.chart__svg').waitFor()
    await card.locator('path.chart__own[d^="M"]').waitFor()
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
  it('draws the map for two periods with a table alternative (axe)', async () => {
    const spaces = (await apiJson<{ items: { id: string; code: string; parentId?: string }[] }>('GET',
        '/api/v1/spaces?q=Teltow&limit=50')).items
    const teltow = spaces.find((s) => s.code === '12069616')!
    const indicators = (await apiJson<{ items: { id: string; code: string }[] }>('GET',
        `/api/v1/indicators?q=${encodeURIComponent(code)}`)).items
    const indicatorId = indicators.find((i) => i.code === code)!.id
    await page().goto('/indicators')
    await page().getByRole('navigation', { name: 'Bereiche der Indikatoren' }).getByRole('link', { name: 'Karte' }).click()
    await page().getByRole('heading', { level: 1, name: 'Karte' }).waitFor()
    await page().getByLabel('Indikator', { exact: true }).selectOption(indicatorId)
    await page().getByLabel('Gebiet').selectOption(teltow.parentId!)
    await page().getByLabel('Von Zeitraum (Basis)').fill('2023')
    await page().getByLabel('Bis Zeitraum').fill('2024')
    await page().getByRole('button', { name: 'Karte anzeigen' }).click()
    // one map with a slider from 2023 to 2024 (it starts on the latest), the table with the change since 2023
    const table = page().getByRole('table', { name: new RegExp(`Werte je Sozialraum – ${name}, 2024`) })
    await table.waitFor()
    const row = table.locator('tr', { has: page().getByRole('rowheader', { name: 'Teltow', exact: true }) })
    expect(await row.textContent()).toContain('10,9')
    expect(await row.textContent()).toContain('−0,9')
    const map = page().getByRole('group', { name: new RegExp(`^Karte ${name}, 2024`) })
    await map.waitFor()
    expect(await map.getByRole('link').count()).toBeGreaterThan(0)
    await screenshot(page(), 'e2e-indicator-map')
    expect(await axeViolations(page())).toEqual([])
  })

  it('saves a value in the data entry grid (axe)', async () => {
    const indicators = (await apiJson<{ items: { id: string; code: string }[] }>('GET',
        `/api/v1/indicators?q=${encodeURIComponent(code)}`)).items
    const indicatorId = indicators.find((i) => i.code === code)!.id
    const set = await apiJson<{ id: string }>('POST', '/api/v1/indicator-sets', { name: `Set ${suffix}`, indicatorIds: [indicatorId] })
    const spaces = (await apiJson<{ items: { id: string; code: string }[] }>('GET', '/api/v1/spaces?q=Teltow&limit=50')).items
    const teltow = spaces.find((s) => s.code === '12069616')!
    entered = { setId: set.id, spaceId: teltow.id }
    await page().goto(`/indicators/entry?set=${set.id}&space=${teltow.id}&period=2025`)
    await page().getByRole('heading', { level: 1, name: 'Dateneingabe' }).waitFor()
    await page().getByLabel(`Wert – ${name}`).fill('10,2')
    await page().getByLabel(`Status – ${name}`).selectOption('final')
    await page().getByRole('button', { name: `„${name}“ speichern` }).click()
    await page().getByText(`„${name}“ wurde gespeichert.`).waitFor()
    const saved = (await apiJson<{ items: { period: string; value: number; status: string }[] }>('GET',
        `/api/v1/observations?indicatorId=${indicatorId}&spaceId=${teltow.id}&from=2025&to=2025`)).items
    expect(saved.map((o) => [o.period, o.value, o.status])).toEqual([['2025', 10.2, 'final']])
    await screenshot(page(), 'e2e-indicator-entry')
    expect(await axeViolations(page())).toEqual([])
  })

  it('evaluates the set for the space: value, change and the reference for the latest year (axe)', async () => {
    await page().goto(`/spaces/${entered!.spaceId}/indicators?set=${entered!.setId}`)
    await page().getByRole('heading', { level: 2, name: 'Stand und Zielerreichung' }).waitFor()
    // the period list comes from the set's series, which load after the heading appears
    await expect.poll(() => page().getByLabel('Zeitraum').inputValue()).toBe('2025')
    const table = page().getByRole('table', { name: 'Auswertung von Teltow für 2025' })
    await table.waitFor()
    const row = table.getByRole('row', { name: new RegExp(name) })
    const text = await row.textContent()
    expect(text).toContain('10,2')
    expect(text).toContain('−0,7') // 2024 was 10,9 in the imported file
    await screenshot(page(), 'e2e-indicator-evaluation')
    expect(await axeViolations(page())).toEqual([])
  })

  it('rates a soft factor and shows the summary (axe)', async () => {
    const rating = await apiJson<{ id: string }>('POST', '/api/v1/indicators', {
      code: `E2E-KLIMA-${suffix}`, name: `Nachbarschaftsklima ${suffix}`, kind: 'rating', decimals: 1, direction: 'higherIsBetter',
      aggregation: 'mean', isProportion: false, scaleMin: 1, scaleMax: 5,
      scaleLabels: ['sehr schlecht', 'schlecht', 'mittel', 'gut', 'sehr gut'],
    })
    const spaces = (await apiJson<{ items: { id: string; code: string }[] }>('GET', '/api/v1/spaces?q=Teltow&limit=50')).items
    const teltow = spaces.find((s) => s.code === '12069616')!
    await page().goto('/indicators')
    await page().getByRole('navigation', { name: 'Bereiche der Indikatoren' }).getByRole('link', { name: 'Bewertung' }).click()
    await page().getByRole('heading', { level: 1, name: 'Weiche Faktoren bewerten' }).waitFor()
    await page().getByLabel(/^Weicher Faktor/).selectOption(rating.id)
    await page().getByLabel(/^Sozialraum/).selectOption(teltow.id)
    await page().getByLabel(/^Zeitraum/).fill('2025')
    const group = page().getByRole('group', { name: /Bewertung/ })
    await group.getByRole('radio', { name: '4 – gut' }).focus()
    await page().keyboard.press('Space')
    expect(await group.getByRole('radio', { name: '4 – gut' }).isChecked()).toBe(true)
    await page().getByLabel('Kommentar').fill('Viel Engagement im Quartier')
    await page().getByRole('button', { name: 'Bewertung abgeben' }).click()
    await page().getByText('Danke – Ihre Bewertung wurde gespeichert.').waitFor()
    await page().getByRole('heading', { level: 2, name: 'Bisherige Bewertungen' }).waitFor()
    await screenshot(page(), 'e2e-indicator-rating')
    expect(await axeViolations(page())).toEqual([])
  })
})
