// First-paint JavaScript: the gzip size of the scripts dist/index.html loads (the entry and its modulepreloads), after
// `npm run build`. Budget 150 kB (issue 14); prints each file and exits 1 above the budget.
// Usage: node scripts/first-paint.mjs [distDir]
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const BUDGET = 150_000
const dist = process.argv[2] ?? new URL('../dist', import.meta.url).pathname
const html = readFileSync(join(dist, 'index.html'), 'utf8')
const files = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1])
let total = 0
for (const file of files) {
  const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length
  total += size
  console.log(`${(size / 1000).toFixed(1).padStart(7)} kB  ${file}`)
}
console.log(`${(total / 1000).toFixed(1).padStart(7)} kB  first-paint JavaScript (gzip), budget ${BUDGET / 1000} kB`)
process.exit(total > BUDGET ? 1 : 0)
