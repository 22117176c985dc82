import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { collectCspViolations, e2eEnv, screenshot, startBrowser, type BrowserSession } from './browser.ts'

/*
 * The built SPA under the API's security headers in a real browser: the document carries the strict
 * Content-Security-Policy, and the pages that use the most of the browser (the network map drawn by Cytoscape,
 * the time series charts of Recharts, Markdown minutes, the two-period map) render without a single CSP violation
 * (each one fires securitypolicyviolation in the page, which the test listens to).
 */
const configured = e2eEnv.missing.length === 0

describe.skipIf(!configured)('Sicherheits-Header: die App unter der Content-Security-Policy (Browser)', () => {
  let session: BrowserSession
  const violations: string[] = []
  const page = () => session.page
  const nav = () => page().getByRole('navigation', { name: 'Hauptnavigation' })

  beforeAll(async () => {
    session = await startBrowser(e2eEnv.baseURL!)
    await collectCspViolations(session, violations)
  })

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && session) await screenshot(page(), 'e2e-csp-failure').catch(() => undefined)
  })

  afterAll(async () => {
    await session?.close()
  })

  it('serves the app with the security headers', async () => {
    const response = await page().goto('/login')
    const headers = response!.headers()
    expect(headers['content-security-policy']).toContain("script-src 'self';")
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['x-frame-options']).toBe('DENY')
    expect(headers['referrer-policy']).toBe('no-referrer')
    expect(headers['permissions-policy']).toContain('camera=()')
    expect(headers['strict-transport-security']).toBeUndefined() // plain http here
    await page().getByRole('textbox', { name: 'E-Mail-Adresse' }).fill(e2eEnv.email!)
    await page().getByLabel('Passwort').fill(e2eEnv.password!)
    await page().getByRole('button', { name: 'Anmelden' }).click()
    await page().getByRole('heading', { level: 1, name: /^Willkommen/ }).waitFor()
    expect(violations).toEqual([])
  })

  it('draws the network map (Cytoscape) without a violation', async () => {
    await nav().getByRole('link', { name: 'Netzwerkkarte' }).click()
    await page().getByRole('heading', { level: 1, name: 'Netzwerkkarte' }).waitFor()
    await page().locator('.graph-canvas canvas').first().waitFor()
    // Cytoscape's one stylesheet (allowed by its hash) gives the container its position.
    expect(await page().locator('.graph-canvas').first().evaluate((e) => getComputedStyle(e).position)).not.toBe('static')
    await screenshot(page(), 'e2e-csp-network-map', { fullPage: false })
    expect(violations).toEqual([])
  })

  it('shows a network with Markdown minutes without a violation', async () => {
    await nav().getByRole('link', { name: 'Netzwerke' }).click()
    await page().getByRole('link', { name: 'Lenkrunde Sozialraum Teltow' }).click()
    await page().getByRole('heading', { level: 1, name: 'Lenkrunde Sozialraum Teltow' }).waitFor()
    await page().getByRole('table', { name: /^Sitzungen von/ }).getByRole('link').first().click()
    await page().getByRole('heading', { level: 2, name: 'Protokoll' }).waitFor()
    expect(violations).toEqual([])
  })

  it('draws the time series charts (SVG) and the map without a violation', async () => {
    // A demo space with ten years of values (Dortmund's Sozialräume).
    const res = await session.context.request.get('/api/v1/spaces?q=Borsigplatz&limit=50')
    const space = ((await res.json()) as { items: { id: string; code: string; parentId?: string }[] }).items.find((s) => s.code === '05913-SR-BORSIGPLATZ')
    expect(space, 'demo space Borsigplatz').toBeTruthy()
    await page().goto(`/spaces/${space!.id}`)
    await page().getByRole('link', { name: 'Indikatoren dieses Sozialraums' }).click()
    await page().getByRole('heading', { level: 1, name: /^Indikatoren: .*Borsigplatz/ }).waitFor()
    await page().locator('svg.chart__svg').first().waitFor()
    await page().locator('path.chart__own[d^="M"]').first().waitFor()
    await screenshot(page(), 'e2e-csp-charts')

    await page().goto('/indicators')
    await page().getByRole('navigation', { name: 'Bereiche der Indikatoren' }).getByRole('link', { name: 'Karte' }).click()
    await page().getByRole('heading', { level: 1, name: 'Karte' }).waitFor()
    await page().getByLabel('Indikator', { exact: true }).selectOption({ label: 'SGB-II-Quote' })
    await page().getByLabel('Gebiet').selectOption(space!.parentId!)
    await page().getByLabel('Von Zeitraum (Basis)').fill('2022')
    await page().getByLabel('Bis Zeitraum').fill('2023')
    await page().getByRole('button', { name: 'Karte anzeigen' }).click()
    await page().getByRole('table', { name: /Werte je Sozialraum/ }).waitFor()
    await screenshot(page(), 'e2e-csp-map')
    expect(violations).toEqual([])
  })
})
