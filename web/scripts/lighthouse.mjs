// Lighthouse (mobile, the default profile) on the start page and on a space's indicator page, signed in: prints the
// figures (performance, accessibility, best practices, cumulative layout shift, JavaScript on first paint). Not a test:
// it passes or fails on nothing. Usage: node scripts/lighthouse.mjs URL EMAIL PASSWORD (build/lighthouse starts a server).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import lighthouse from 'lighthouse'
import { chromium } from 'playwright-core'

const [base, email, password] = process.argv.slice(2)
if (!base || !email || !password) {
  console.error('usage: node scripts/lighthouse.mjs URL EMAIL PASSWORD')
  process.exit(2)
}
const port = 9200 + Math.floor(Math.random() * 500)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raumnetz-lh-'))
const context = await chromium.launchPersistentContext(dir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--remote-debugging-port=${port}`],
  locale: 'de-DE',
})
try {
  const page = context.pages()[0] ?? await context.newPage()
  await page.goto(`${base}/login`)
  await page.getByRole('textbox', { name: 'E-Mail-Adresse' }).fill(email)
  await page.getByLabel('Passwort').fill(password)
  await page.getByRole('button', { name: 'Anmelden' }).click()
  await page.waitForURL((u) => u.pathname === '/')
  const spaces = await page.evaluate(async () => (await (await fetch('/api/v1/spaces?q=BE-10-PGR-1010')).json()).items)
  const space = spaces[0]?.id
  const pages = [['Startseite', '/'], ['Kennzahlen eines Sozialraums', space ? `/spaces/${space}/indicators` : '/spaces']]
  console.log('page | performance | accessibility | best practices | CLS | LCP ms | JS on load: KB transferred (decoded; 0 transferred = from cache)')
  for (const [name, url] of pages) {
    const result = await lighthouse(`${base}${url}`, { port, output: 'json', logLevel: 'error', disableStorageReset: true })
    const lhr = result.lhr
    const score = (k) => Math.round((lhr.categories[k]?.score ?? 0) * 100)
    const items = lhr.audits['network-requests']?.details?.items ?? []
    const scripts = items.filter((i) => i.resourceType === 'Script')
    const js = scripts.reduce((sum, i) => sum + (i.transferSize ?? 0), 0)
    const jsDecoded = scripts.reduce((sum, i) => sum + (i.resourceSize ?? 0), 0)
    console.log([name, score('performance'), score('accessibility'), score('best-practices'),
      (lhr.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3),
      Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0), `${(js / 1024).toFixed(1)} (decoded ${(jsDecoded / 1024).toFixed(1)})`].join(' | '))
  }
} finally {
  await context.close()
  fs.rmSync(dir, { recursive: true, force: true })
}
