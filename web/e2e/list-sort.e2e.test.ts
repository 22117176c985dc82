import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiGet, axeViolations, e2eEnv, screenshot, signIn, startBrowser, type BrowserSession } from './browser.ts'

/*
 * Lists in a real browser over the demo data: "50 von N" with the API's own total, a click on a column header sorts the
 * list (the URL keeps the sort with the filters, aria-sort says it), the keyboard does the same, and the page stays
 * axe-clean.
 */
const configured = e2eEnv.missing.length === 0
if (!configured) {
  console.warn(`[e2e] skipped: set ${e2eEnv.missing.join(', ')} (the API must serve the built SPA at RAUMNETZ_E2E_URL)`)
}

interface Page<T> {
  items: T[]
  total?: number | null
}

describe.skipIf(!configured)('Listen: Summe und Sortierung (Browser)', () => {
  let session: BrowserSession
  const page = () => session.page

  beforeAll(async () => {
    session = await startBrowser(e2eEnv.baseURL!)
    await signIn(page())
  })

  afterAll(async () => {
    await session?.close()
  })

  it('shows how many actors of how many, with the total the API counts', async () => {
    await page().goto('/actors')
    const status = page().locator('p.result-count[role="status"]')
    await status.filter({ hasText: / von / }).waitFor()
    const api = await apiGet<Page<{ name: string }>>(page(), '/api/v1/actors?includeTotal=true&limit=1')
    const shown = Math.min(50, api.total ?? 0)
    expect(await status.textContent()).toBe(`${shown} von ${api.total}`)
    expect(api.total).toBeGreaterThan(50)
  })

  it('sorts by name descending on a click on the header and keeps the filters in the URL', async () => {
    await page().goto('/actors?sector=civilSociety')
    const nameHeader = page().getByRole('columnheader', { name: /^Name/ })
    await page().getByRole('table').waitFor()
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending')
    await nameHeader.getByRole('button').click()
    await page().waitForURL((url) => url.searchParams.get('sort') === '-name' && url.searchParams.get('sector') === 'civilSociety')
    await page().locator('th[aria-sort="descending"]', { hasText: 'Name' }).waitFor()
    const api = await apiGet<Page<{ name: string }>>(page(), '/api/v1/actors?sector=civilSociety&sort=-name&limit=3')
    const firstRow = page().getByRole('row').nth(1)
    await firstRow.getByRole('link', { name: api.items[0].name, exact: true }).waitFor()
    await screenshot(page(), 'e2e-actors-sorted')
    expect(await axeViolations(page())).toEqual([])
  })

  it('sorts networks by status with the keyboard', async () => {
    await page().goto('/networks')
    await page().getByRole('table').waitFor()
    const statusHeader = page().getByRole('columnheader', { name: /^Status/ })
    await statusHeader.getByRole('button').focus()
    await page().keyboard.press('Enter')
    await page().waitForURL((url) => url.searchParams.get('sort') === 'status')
    await page().locator('th[aria-sort="ascending"]', { hasText: 'Status' }).waitFor()
    // The focus stays on the header's button: Enter again reverses the order.
    expect(await statusHeader.getByRole('button').evaluate((b) => b === document.activeElement)).toBe(true)
    await page().keyboard.press('Enter')
    await page().waitForURL((url) => url.searchParams.get('sort') === '-status')
    await page().locator('th[aria-sort="descending"]', { hasText: 'Status' }).waitFor()
    expect(await statusHeader.getAttribute('aria-sort')).toBe('descending')
    expect(await axeViolations(page())).toEqual([])
  })
})
