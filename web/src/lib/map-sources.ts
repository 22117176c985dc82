/**
 * Where the shapes on a map come from, so that every map names its sources. Known sources are matched by space code
 * (the demo data's Berlin LOR boundaries, CC BY: see api/Raumnetz.DemoData/Geodata/berlin-lor/SOURCE.md). The optional
 * base map is configured at build time (`VITE_BASEMAP_URL`, an XYZ tile template such as `/tiles/{z}/{x}/{y}.png`, and
 * `VITE_BASEMAP_ATTRIBUTION`); without it, maps draw the shapes alone and need no tile server.
 */
const SOURCES: { prefix: string; text: string }[] = [
  {
    prefix: 'BE-10',
    text: 'Grenzen: LOR Berlin, Amt für Statistik Berlin-Brandenburg (CC BY 3.0 DE), via Open Data Product Berlin LOR Geodata (CC BY 4.0)',
  },
]

export function mapAttributions(spaces: { code: string }[]): string[] {
  return SOURCES.filter((s) => spaces.some((x) => x.code.startsWith(s.prefix))).map((s) => s.text)
}

export function baseMap(): { url: string; attribution?: string } | undefined {
  const env = import.meta.env as Record<string, string | undefined>
  const url = env.VITE_BASEMAP_URL
  return url ? { url, attribution: env.VITE_BASEMAP_ATTRIBUTION } : undefined
}
