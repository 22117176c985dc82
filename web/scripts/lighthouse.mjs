// Lighthouse (mobile, the default profile) on the start page and on a space's indicator page, signed in: prints the
// figures (performance, accessibility, best practices, cumulative layout shift, JavaScript on first paint). Not a test:
// it passes or fails on nothing. Usage: node scripts/lighthouse.mjs URL EMAIL PASSWORD (build/lighthouse starts a server).
// LH_RUNS=3 measures each page that many times and prints every run and the median (Lighthouse on a shared machine is
// noisy), with the load average before each run; LH_REPORT_DIR=dir keeps each run's full JSON report there; LH_PAGE=start
// or LH_PAGE=space measures one of the two pages.
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
  const all = [['Startseite', '/'], ['Kennzahlen eines Sozialraums', space ? `/spaces/${space}/indicators` : '/spaces']]
  // LH_PAGE=start or LH_PAGE=space measures only that page
  const pages = all.filter(([, url]) => !process.env.LH_PAGE || (process.env.LH_PAGE === 'start') === (url === '/'))
  const runs = Math.max(1, Number(process.env.LH_RUNS ?? 1))
  const reportDir = process.env.LH_REPORT_DIR
  if (reportDir) fs.mkdirSync(reportDir, { recursive: true })
  console.log('page | performance | accessibility | best practices | CLS | LCP ms | JS on load: KB transferred (decoded; 0 transferred = from cache)')
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  for (const [name, url] of pages) {
    const rows = []
    for (let run = 1; run <= runs; run++) {
      const load = os.loadavg()[0].toFixed(2)
      const result = await lighthouse(`${base}${url}`, { port, output: 'json', logLevel: 'error', disableStorageReset: true })
      const lhr = result.lhr
      if (reportDir) fs.writeFileSync(path.join(reportDir, `${url === '/' ? 'start' : 'space'}-${run}.json`), result.report)
      const score = (k) => Math.round((lhr.categories[k]?.score ?? 0) * 100)
      const items = lhr.audits['network-requests']?.details?.items ?? []
      const scripts = items.filter((i) => i.resourceType === 'Script')
      const row = {
        performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'),
        cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? 0,
        lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? 0,
        js: scripts.reduce((sum, i) => sum + (i.transferSize ?? 0), 0),
        jsDecoded: scripts.reduce((sum, i) => sum + (i.resourceSize ?? 0), 0),
      }
      rows.push(row)
      console.log(format(runs > 1 ? `${name} (run ${run}, load ${load})` : name, row))
    }
    if (runs > 1) {
      const m = Object.fromEntries(Object.keys(rows[0]).map((k) => [k, median(rows.map((r) => r[k]))]))
      console.log(format(`${name} (median of ${runs})`, m))
    }
  }
} finally {
  await context.close()
  fs.rmSync(dir, { recursive: true, force: true })
}

function format(label, r) {
  return [label, r.performance, r.accessibility, r.bestPractices, r.cls.toFixed(3), Math.round(r.lcp),
    `${(r.js / 1024).toFixed(1)} (decoded ${(r.jsDecoded / 1024).toFixed(1)})`].join(' | ')
}
