/**
 * Drawing spaces as SVG without a tile server: GeoJSON rings, a simple projection fitted to them, and path data. Used by
 * the indicator maps, the inventory map and the coverage map; the classes of a choropleth.
 */
export type Ring = number[][]

/** A space's GeoJSON geometry as the API gives it (Polygon or MultiPolygon; null when unknown). */
export type Geometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] }
  | { type: string; coordinates?: unknown }
  | null
  | undefined

/** The outer and inner rings of a Polygon or MultiPolygon (anything else: none). */
export function ringsOf(geometry: Geometry): Ring[] {
  if (!geometry || !Array.isArray(geometry.coordinates)) return []
  if (geometry.type === 'Polygon') return geometry.coordinates as Ring[]
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Ring[][]).flat()
  return []
}

export interface Projection {
  width: number
  height: number
  project: (lon: number, lat: number) => [number, number]
}

/**
 * A simple equirectangular projection fitted to the bounds of all rings: longitudes are shortened by the cosine of the
 * middle latitude, the result is scaled into a viewBox `width` wide (height follows the aspect ratio), y pointing down.
 */
export function fitProjection(rings: Ring[], width = 400, padding = 8): Projection {
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity
  for (const ring of rings) {
    for (const [lon, lat] of ring) {
      if (lon < minLon) minLon = lon
      if (lon > maxLon) maxLon = lon
      if (lat < minLat) minLat = lat
      if (lat > maxLat) maxLat = lat
    }
  }
  if (!Number.isFinite(minLon)) return { width, height: width, project: () => [0, 0] }
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180)
  const spanX = Math.max((maxLon - minLon) * k, 1e-9)
  const spanY = Math.max(maxLat - minLat, 1e-9)
  const inner = width - 2 * padding
  const scale = inner / Math.max(spanX, spanY)
  const height = Math.round(spanY * scale + 2 * padding)
  const w = spanX * scale + 2 * padding
  const offsetX = (width - w) / 2
  return {
    width,
    height,
    project: (lon, lat) => [offsetX + padding + (lon - minLon) * k * scale, padding + (maxLat - lat) * scale],
  }
}

/** SVG path data of a feature (even-odd fill keeps holes open). */
export function pathOf(geometry: Geometry, projection: Projection): string {
  return ringsOf(geometry)
    .filter((r) => r.length > 2)
    .map((ring) => ring.map(([lon, lat], i) => {
      const [x, y] = projection.project(lon, lat)
      return `${i === 0 ? 'M' : 'L'}${x.toFixed(2)},${y.toFixed(2)}`
    }).join('') + 'Z')
    .join('')
}

/** Colour-blind safe sequential palette (light to dark). */
export const PALETTE = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const

export interface Classes {
  bounds: number[]
  colorOf: (value: number) => string
}

/** Equal-interval classes over all values (both periods share them); fewer classes when there are few distinct values. */
export function classify(values: number[], count = PALETTE.length): Classes {
  if (values.length === 0) return { bounds: [], colorOf: () => PALETTE[0] }
  const min = Math.min(...values)
  const max = Math.max(...values)
  if (min === max) return { bounds: [min, max], colorOf: () => PALETTE[Math.floor(PALETTE.length / 2)] }
  const n = Math.min(count, PALETTE.length)
  const step = (max - min) / n
  const bounds = Array.from({ length: n + 1 }, (_, i) => (i === n ? max : min + i * step))
  const colors = n === PALETTE.length ? PALETTE : PALETTE.slice(PALETTE.length - n)
  return {
    bounds,
    colorOf: (v) => colors[Math.min(n - 1, Math.max(0, Math.floor((v - min) / step)))],
  }
}
