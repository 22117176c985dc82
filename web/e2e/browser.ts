import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import AxeBuilder from '@axe-core/playwright'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

/** Settings from the environment; `missing` lists what is not set. */
export const e2eEnv = {
  baseURL: process.env.RAUMNETZ_E2E_URL?.replace(/\/+$/, ''),
  email: process.env.RAUMNETZ_E2E_EMAIL,
  password: process.env.RAUMNETZ_E2E_PASSWORD,
  chromiumPath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  get missing(): string[] {
    return [
      ['RAUMNETZ_E2E_URL', this.baseURL],
      ['RAUMNETZ_E2E_EMAIL', this.email],
      ['RAUMNETZ_E2E_PASSWORD', this.password],
    ]
      .filter(([, value]) => !value)
      .map(([name]) => name as string)
  },
}

/** web/test-results/, where screenshots and JSON results go. */
export const resultsDir = fileURLToPath(new URL('../test-results/', import.meta.url))

export interface BrowserSession {
  context: BrowserContext
  page: Page
  close(): Promise<void>
}

/**
 * Starts Debian's Chromium through playwright-core with a throw-away profile directory
 * (never `npx playwright install`: it would try to download a browser).
 */
export async function startBrowser(baseURL: string): Promise<BrowserSession> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'raumnetz-e2e-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: e2eEnv.chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    baseURL,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1280, height: 900 },
  })
  context.setDefaultTimeout(15_000)
  context.setDefaultNavigationTimeout(30_000)
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => undefined)
      fs.rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

/** Screenshot (full page unless told otherwise) into web/test-results/<name>.png; returns the path. */
export async function screenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<string> {
  fs.mkdirSync(resultsDir, { recursive: true })
  const file = path.join(resultsDir, `${name}.png`)
  await page.screenshot({ path: file, fullPage })
  return file
}

/** WCAG 2.0/2.1 A+AA and axe best practices (landmarks, one h1, ...), formatted for a readable failure. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze()
  return result.violations.map((v) => {
    const nodes = v.nodes.map((n) => `${n.target.join(' ')} – ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n    ')
    return `${v.id} [${v.impact}]: ${v.help}\n    ${nodes}`
  })
}

/** Signs in through the app's form with the given account (default: the suite's administrator) and waits for the start page. */
export async function signIn(page: Page, email = e2eEnv.email!, password = e2eEnv.password!): Promise<void> {
  await page.goto('/login')
  await page.getByRole('textbox', { name: 'E-Mail-Adresse' }).fill(email)
  await page.getByLabel('Passwort').fill(password)
  await page.getByRole('button', { name: 'Anmelden' }).click()
  await page.waitForURL((url) => url.pathname === '/')
}

/** JSON from the API inside the page (the session cookie like the app). */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (path) => {
    const res = await fetch(path, { credentials: 'include', headers: { Accept: 'application/json' } })
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`)
    return res.json()
  }, path) as Promise<T>
}

/**
 * Collects every Content-Security-Policy violation and page error of the session into `violations`: the page reports
 * each securitypolicyviolation event (eval included, which Chromium does not print on the console) through a binding
 * registered before any script of the page runs, and console messages about the policy and uncaught errors are added.
 */
export async function collectCspViolations(session: BrowserSession, violations: string[]): Promise<void> {
  await session.context.exposeBinding('__reportCspViolation', (_source, text: string) => {
    violations.push(`${session.page.url()}: ${text}`)
  })
  await session.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation
      void report(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample}`)
    })
  })
  session.page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) violations.push(`${session.page.url()}: ${message.text()}`)
  })
  session.page.on('pageerror', (error) => violations.push(`${session.page.url()}: ${error.message}`))
}
