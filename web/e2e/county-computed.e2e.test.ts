import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiGet, axeViolations, e2eEnv, screenshot, signIn, startBrowser, type BrowserSession } from './browser.ts'

/*
 * A planner's first look at a county (issue 11): Landkreis Potsdam-Mittelmark has no figures of its own in the demo
 * data, only its municipalities do. Its indicator page must show the values computed from below, marked as computed
 * with their coverage ("berechnet aus N von M Teilräumen"), in the set's evaluation and in the table of each series,
 * instead of "keine Werte".
 */
const configured = e2eEnv.missing.length === 0

describe.skipIf(!configured)('Landkreis: berechnete Werte mit ihrer Abdeckung (Browser)', () => {
  let session: BrowserSession
  const page = () => session.page
  const computed = /berechnet aus (\d+) von (\d+) Teilräumen/

  beforeAll(async () => {
    session = await startBrowser(e2eEnv.baseURL!)
    await signIn(page())
  })

  afterAll(async () => {
    await session?.close()
  })

  it('shows the county\'s computed figures with their coverage in the evaluation and the series (axe)', async () => {
    const spaces = await apiGet<{ items: { id: string; name: string; level: string }[] }>(page(),
      '/api/v1/spaces?q=Potsdam-Mittelmark&level=county')
    const county = spaces.items.find((s) => s.name === 'Landkreis Potsdam-Mittelmark')
    expect(county, 'the demo data has the county').toBeDefined()
    const sets = await apiGet<{ id: string; name: string }[] | { items: { id: string; name: string }[] }>(page(),
      '/api/v1/indicator-sets')
    const list = Array.isArray(sets) ? sets : sets.items
    expect(list.length).toBeGreaterThan(0)

    await page().goto(`/spaces/${county!.id}/indicators`)
    await page().getByRole('heading', { level: 1, name: /Landkreis Potsdam-Mittelmark/ }).waitFor()
    // The SGB II monitoring set has the indicators the county's municipalities report (any set will do otherwise).
    const set = list.find((x) => x.name.startsWith('Sozialraummonitoring')) ?? list[0]
    await page().getByLabel('Indikatorenset').selectOption({ label: set.name })

    // The evaluation of the newest year: values computed from the municipalities, each with its coverage.
    const evaluation = page().getByRole('region', { name: 'Stand und Zielerreichung' })
    await evaluation.getByText(computed).first().waitFor()
    const text = (await evaluation.textContent()) ?? ''
    expect(text).not.toContain('keine Werte')
    const [, parts, of] = text.match(computed)!
    expect(Number(parts)).toBeGreaterThan(0)
    expect(Number(parts)).toBeLessThanOrEqual(Number(of))

    // The series of the first indicator: its table marks the computed values with their coverage too.
    const table = page().locator('details').first()
    await table.locator('summary').click()
    await table.getByRole('table').getByText(computed).first().waitFor()
    expect(await table.getByRole('table').getByText(computed).count()).toBeGreaterThan(1)

    await screenshot(page(), 'e2e-county-computed')
    expect(await axeViolations(page())).toEqual([])
  })
})
