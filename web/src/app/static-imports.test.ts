import { describe, expect, it } from 'vitest'

// What a page downloads before it can show anything is its module's static import graph (dynamic import() and
// `import type` are not followed: the first loads later, the second not at all). These guard what Lighthouse found
// costly on a phone (issue 14): a chart library on the space indicators page, the generated client on the first paint.

// every source module as text, keyed by its path from src/ (the generated client only by name: it is large)
const sources = Object.fromEntries(Object.entries(
  import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../api/client.ts'], {
    query: '?raw', import: 'default', eager: true }),
).map(([path, text]) => [path.startsWith('./') ? `app/${path.slice(2)}` : path.replace(/^\.\.\//, ''), text]))
sources['api/client.ts'] = ''

function normalise(path: string): string {
  const out: string[] = []
  for (const part of path.split('/')) {
    if (part === '..') out.pop()
    else if (part !== '.' && part !== '') out.push(part)
  }
  return out.join('/')
}

function resolveLocal(from: string, spec: string): string | undefined {
  const base = spec.startsWith('@/') ? spec.slice(2) : normalise(`${from.split('/').slice(0, -1).join('/')}/${spec}`)
  return [base, ...['.ts', '.tsx', '/index.ts', '/index.tsx'].map((e) => base + e)].find((f) => f in sources)
}

/** The source files and the packages a module pulls in statically, transitively. */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    const source = sources[file]
    // import x from '…', import { a, type B } from '…', import '…', export … from '…' (not import type / export type)
    for (const m of source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      const spec = m[1]
      if (/\.(css|svg|png|json)$/.test(spec)) continue
      if (spec.startsWith('.') || spec.startsWith('@/')) {
        const target = resolveLocal(file, spec)
        if (target) visit(target)
      } else {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0])
      }
    }
  }
  visit(entry)
  return { files, packages }
}

const rel = (files: Set<string>) => [...files]

describe('static imports (what a page downloads before it shows)', () => {
  it('the space indicators page pulls in no chart or graph library', () => {
    const { files, packages } = staticGraph('features/indicators/routes/space-indicators-page.tsx')
    expect(rel(files)).toContain('features/indicators/components/indicator-chart.tsx')
    expect(packages).toContain('@tanstack/react-query')
    for (const heavy of ['recharts', 'cytoscape', 'd3-shape', 'd3-scale']) expect(packages).not.toContain(heavy)
  })

  it('the first paint (main.tsx) holds neither the generated client nor a chart library', () => {
    const { files, packages } = staticGraph('main.tsx')
    expect(rel(files)).toContain('lib/auth.ts')
    expect(rel(files)).toContain('api/fetch.ts')
    expect(rel(files)).not.toContain('api/client.ts')
    expect(rel(files)).not.toContain('api/index.ts')
    for (const heavy of ['recharts', 'cytoscape', 'marked', 'dompurify']) expect(packages).not.toContain(heavy)
  })
})
