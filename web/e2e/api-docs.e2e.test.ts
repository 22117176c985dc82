import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { collectCspViolations, e2eEnv, screenshot, startBrowser, type BrowserSession } from './browser.ts'

/*
 * The API documentation (Swagger UI at /api/docs/) in a real browser under the product's Content-Security-Policy:
 * it renders the document without a single CSP violation (no inline script, no eval), and "Try it out" creates an
 * actor with the browser's session, which needs the X-XSRF-TOKEN header its script adds.
 */
const configured = e2eEnv.missing.length === 0

describe.skipIf(!configured)('API-Dokumentation unter der Content-Security-Policy (Browser)', () => {
  let session: BrowserSession
  const violations: string[] = []
  const page = () => session.page

  beforeAll(async () => {
    session = await startBrowser(e2eEnv.baseURL!)
    await collectCspViolations(session, violations)
  })

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && session) await screenshot(page(), 'e2e-api-docs-failure').catch(() => undefined)
  })

  afterAll(async () => {
    await session?.close()
  })

  it('renders every area of the document under the strict policy', async () => {
    const response = await page().goto('/api/docs/index.html')
    const policy = response!.headers()['content-security-policy']
    expect(policy).toContain("script-src 'self';")
    expect(policy).not.toContain('unsafe-')
    await page().locator('.info .title').filter({ hasText: 'Raumnetz API' }).waitFor()
    expect(await page().locator('.opblock-tag-section').count()).toBeGreaterThan(20)
    await page().locator('.opblock-tag', { hasText: 'Actors' }).first().click()
    await page().locator('#operations-Actors-ListActors').waitFor()
    expect(violations).toEqual([])
  })

  it('tries out creating an actor with the signed-in session', async () => {
    // Signed in through the API from the documentation's page (what the sign-in form does), which sets the session and
    // the readable XSRF-TOKEN cookie.
    await page().goto('/api/docs/index.html')
    const loginStatus = await page().evaluate(async ({ email, password }) => (await fetch('/api/v1/auth/login', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }),
    })).status, { email: e2eEnv.email!, password: e2eEnv.password! })
    expect(loginStatus).toBe(200)
    await page().goto('/api/docs/index.html#/Actors/CreateActor')
    await page().reload()
    const operation = page().locator('#operations-Actors-CreateActor')
    await operation.locator('.try-out__btn').click()
    await operation.locator('textarea.body-param__text').fill(JSON.stringify({
      kind: 'organisation', name: `Jobcenter Doku ${Date.now()}`, type: 'job-centre', sector: 'public',
    }))
    await operation.locator('button.execute').click()
    const status = operation.locator('.live-responses-table tbody .response-col_status').first()
    await status.waitFor()
    expect((await status.innerText()).trim()).toBe('201')
    expect(violations).toEqual([])
  })
})
