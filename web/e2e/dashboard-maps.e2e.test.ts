import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiGet, axeViolations, e2eEnv, screenshot, signIn, startBrowser, type BrowserSession } from './browser.ts'

/*
 * The planner's morning (issue 14): the start page is a dashboard with a ranking and a map for the demo's indicator set;
 * a click on an area opens the space; the Berlin LOR grid of Marzahn-Hellersdorf shows the old grid in 2019 and its
 * successors in 2022, named and with the source of the boundaries.
 */
const configured = e2eEnv.missing.length === 0

describe.skipIf(!configured)('Startseite als Dashboard und Karten (Browser)', () => {
  let session: BrowserSession
  const page = () => session.page

  beforeAll(async () => {
    session = await startBrowser(e2eEnv.baseURL!)
    await signIn(page())
  })

  afterAll(async () => {
    await session?.close()
  })

  it('shows a ranking and a map for the chosen demo set, remembered after a reload (axe)', async () => {
    const marzahnSet = page().getByRole('checkbox', { name: 'Kinder- und Jugendhilfe Marzahn-Hellersdorf' })
    await marzahnSet.check()
    const first = page().getByRole('checkbox', { name: 'Sozialraummonitoring Dortmund-Nordstadt' })
    if (await first.isChecked()) await first.uncheck()
    const section = page().getByRole('region', { name: 'Kinder- und Jugendhilfe Marzahn-Hellersdorf' })
    const ranking = section.getByRole('table', { name: /Rangfolge nach/ })
    await ranking.waitFor()
    // the set's goals lie in the new Prognoseräume: the area is the Bezirk, the ranking its four Prognoseräume of today
    const rows = ranking.locator('tbody tr')
    await expect.poll(() => rows.count()).toBe(4)
    await expect.poll(async () => (await ranking.locator('tbody th').allTextContents()).sort())
      .toEqual(['Prognoseraum Biesdorf', 'Prognoseraum Hellersdorf', 'Prognoseraum Kaulsdorf/Mahlsdorf', 'Prognoseraum Marzahn'])
    expect(await ranking.getByRole('img', { name: /^Verlauf 2021 bis 2024/ }).count()).toBe(4)
    const map = section.getByRole('group', { name: /^Karte / })
    await map.waitFor()
    expect(await map.getByRole('link').count()).toBe(4)
    expect(await section.getByText(/Grenzen: LOR Berlin, Amt für Statistik Berlin-Brandenburg/).count()).toBe(1)
    expect(await section.getByText(/Klassen: gleiche Intervalle/).count()).toBe(1)
    expect(await axeViolations(page())).toEqual([])
    await screenshot(page(), 'dashboard')

    await page().reload()
    await page().getByRole('region', { name: 'Kinder- und Jugendhilfe Marzahn-Hellersdorf' }).getByRole('table').waitFor()
    expect(await page().getByRole('checkbox', { name: 'Kinder- und Jugendhilfe Marzahn-Hellersdorf' }).isChecked()).toBe(true)
  })

  it('opens the space when an area of the map is clicked', async () => {
    const section = page().getByRole('region', { name: 'Kinder- und Jugendhilfe Marzahn-Hellersdorf' })
    const area = section.getByRole('group', { name: /^Karte / }).getByRole('link', { name: /^Prognoseraum Hellersdorf:/ })
    await area.click()
    await page().waitForURL(/\/spaces\/[0-9a-f-]+$/)
    await page().getByRole('heading', { level: 1, name: /Prognoseraum Hellersdorf/ }).waitFor()
    // the space page connects: its shape, figures, actors and networks
    await page().getByRole('group', { name: /Umriss von Prognoseraum Hellersdorf/ }).waitFor()
    await page().getByRole('heading', { level: 2, name: 'Kennzahlen' }).waitFor()
    await page().getByRole('heading', { level: 2, name: 'Akteure im Sozialraum' }).waitFor()
    await page().getByRole('heading', { level: 2, name: 'Netzwerke im Sozialraum' }).waitFor()
    expect(await page().getByText(/Grenzen: LOR Berlin/).count()).toBe(1)
    expect(await axeViolations(page())).toEqual([])
  })

  it('imports spaces from a GeoJSON file as a GIS writes it (check first, then import)', async () => {
    await page().goto('/spaces/import')
    const code = `E2E-LOR-${Date.now()}`
    const collection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: code, name: 'Testquartier Ost',
      area: 1 },
      geometry: { type: 'Polygon', coordinates: [[[13.60, 52.50], [13.61, 52.50], [13.61, 52.51], [13.60, 52.51], [13.60, 52.50]]] } }] }
    await page().getByLabel('GeoJSON-Datei').setInputFiles({ name: 'gebiete.geojson', mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(collection)) })
    await page().getByText('1 Gebiet gelesen.').waitFor()
    expect(await page().getByLabel('Kennung aus Eigenschaft').inputValue()).toBe('id')
    await page().getByRole('button', { name: 'Prüfen' }).click()
    await page().getByText(/Geprüft: 1 neu, 0 aktualisiert/).waitFor()
    await page().getByRole('button', { name: 'Importieren' }).click()
    await page().getByText(/Importiert: 1 neu, 0 aktualisiert/).waitFor()
    expect(await axeViolations(page())).toEqual([])
    const found = await apiGet<{ items: { code: string; name: string }[] }>(page(), `/api/v1/spaces?q=${code}`)
    expect(found.items.map((x) => x.name)).toEqual(['Testquartier Ost'])
  })

  it('shows the LOR grid of its time: Planungsräume in 2019, the new Prognoseräume in 2022 (axe)', async () => {
    const spaces = await apiGet<{ items: { id: string; code: string }[] }>(page(), '/api/v1/spaces?q=BE-10&limit=500')
    const district = spaces.items.find((s) => s.code === 'BE-10')!
    const indicators = await apiGet<{ items: { id: string; code: string }[] }>(page(), '/api/v1/indicators?limit=500')
    const hze = indicators.items.find((i) => i.code === 'hze-je-1000')!
    expect(district && hze).toBeTruthy()
    await page().goto('/indicators/map')
    await page().getByLabel('Indikator', { exact: true }).selectOption(hze.id)
    await page().getByLabel('Gebiet', { exact: true }).selectOption(district.id)
    await page().getByLabel('Von Zeitraum (Basis)').fill('2019')
    await page().getByLabel('Bis Zeitraum').fill('2022')
    await page().getByRole('button', { name: 'Karte anzeigen' }).click()
    await page().getByLabel('Ebene').selectOption('finest')
    const slider = page().getByRole('slider', { name: /Zeitraum/ })
    await slider.fill('0')
    const map2019 = page().getByRole('group', { name: /Karte .*, 2019/ })
    await map2019.waitFor()
    expect(await map2019.getByRole('link').count()).toBe(33)
    expect(await map2019.getByRole('link', { name: /^Havemannstraße:/ }).count()).toBe(1)
    expect(await map2019.locator('text').count()).toBeGreaterThan(5)
    expect(await page().getByText(/Grenzen: LOR Berlin/).count()).toBe(1)
    expect(await axeViolations(page())).toEqual([])
    await screenshot(page(), 'lor-2019')

    await slider.fill('3')
    const map2022 = page().getByRole('group', { name: /Karte .*, 2022/ })
    await map2022.waitFor()
    const names = (await map2022.getByRole('link').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!.split(':')[0]))).sort()
    expect(names).toEqual(['Prognoseraum Biesdorf', 'Prognoseraum Hellersdorf', 'Prognoseraum Kaulsdorf/Mahlsdorf', 'Prognoseraum Marzahn'])
    await screenshot(page(), 'lor-2022')
  })
})
