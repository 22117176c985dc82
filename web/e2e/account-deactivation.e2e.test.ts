import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, e2eEnv, screenshot, startBrowser, type BrowserSession } from './browser.ts'

/*
 * Two browsers against the real API: a user works in one; an administrator deactivates that account in the other
 * (account administration page); the user's open session is refused at the next click (the API answers 401 and the app
 * sends the person to the sign-in page), and signing in again is refused too.
 *
 *   RAUMNETZ_E2E_URL=http://127.0.0.1:5080 RAUMNETZ_E2E_EMAIL=… RAUMNETZ_E2E_PASSWORD=… npm run test:e2e
 */
const configured = e2eEnv.missing.length === 0

describe.skipIf(!configured)('Benutzerkonten: deaktiviertes Konto verliert seine offene Sitzung (Browser)', () => {
  let admin: BrowserSession
  let person: BrowserSession
  const unique = Date.now().toString(36)
  const name = `Paula Planung ${unique}`
  const email = `paula-${unique}@kreis.example`
  const password = `Sommerwiese-am-Deich-${unique}`

  beforeAll(async () => {
    admin = await startBrowser(e2eEnv.baseURL!)
    person = await startBrowser(e2eEnv.baseURL!)
    const health = await admin.context.request.get('/health/live', { failOnStatusCode: false }).catch((e: Error) => e)
    if (health instanceof Error) throw new Error(`API not reachable at ${e2eEnv.baseURL}: ${health.message}`)
  })

  afterAll(async () => {
    await admin?.close()
    await person?.close()
  })

  async function signIn(session: BrowserSession, address: string, secret: string) {
    await session.page.goto('/login')
    await session.page.getByRole('textbox', { name: 'E-Mail-Adresse' }).fill(address)
    await session.page.getByLabel('Passwort').fill(secret)
    await session.page.getByRole('button', { name: 'Anmelden' }).click()
  }

  it('an administrator signs in and creates the account', async () => {
    await signIn(admin, e2eEnv.email!, e2eEnv.password!)
    await admin.page.waitForURL((url) => url.pathname === '/')
    const cookies = await admin.context.cookies()
    const xsrf = cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? ''
    const created = await admin.context.request.post('/api/v1/users', {
      data: { email, displayName: name, role: 'editor', password },
      headers: { 'X-XSRF-TOKEN': decodeURIComponent(xsrf) },
    })
    expect(created.status()).toBe(201)
  })

  it('the user signs in and works', async () => {
    await signIn(person, email, password)
    await person.page.waitForURL((url) => url.pathname === '/')
    await person.page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Akteure' }).click()
    await person.page.getByRole('heading', { level: 1, name: 'Akteure' }).waitFor()
  })

  it('the administrator deactivates the account on the account administration page (axe-clean)', async () => {
    await admin.page.goto('/admin/users')
    await admin.page.getByRole('heading', { level: 1, name: 'Benutzerkonten' }).waitFor()
    expect(await axeViolations(admin.page)).toEqual([])
    await admin.page.getByRole('button', { name: `${name} deaktivieren` }).click()
    await admin.page.getByRole('button', { name: `${name} reaktivieren` }).waitFor()
    await screenshot(admin.page, 'e2e-account-deactivated')
  })

  it("the user's open session is refused at the next click and a new sign-in fails", async () => {
    await person.page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Netzwerke' }).click()
    await person.page.waitForURL((url) => url.pathname === '/login')
    await person.page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor()
    const me = await person.context.request.get('/api/v1/auth/me', { failOnStatusCode: false })
    expect(me.status()).toBe(401)

    await person.page.getByRole('textbox', { name: 'E-Mail-Adresse' }).fill(email)
    await person.page.getByLabel('Passwort').fill(password)
    await person.page.getByRole('button', { name: 'Anmelden' }).click()
    expect(await person.page.getByRole('alert').textContent()).toMatch(/E-Mail-Adresse oder Passwort ist falsch/)
  })
})
