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

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))

/** A Web Mercator projection fitted like {@link fitProjection}, so that raster tiles of a base map line up. */
export interface MercatorProjection extends Projection {
  /** The tiles of zoom `z` covering the view, each with its place in the viewBox. */
  tiles: (z: number) => { x: number; y: number; z: number; left: number; top: number; size: number }[]
  /** A zoom level whose tiles are about 256 viewBox units wide (at most 18). */
  zoom: number
}

export function fitMercator(rings: Ring[], width = 400, padding = 8): MercatorProjection {
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity
  for (const ring of rings) {
    for (const [lon, lat] of ring) {
      minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon); minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat)
    }
  }
  if (!Number.isFinite(minLon)) return { width, height: width, project: () => [0, 0], tiles: () => [], zoom: 0 }
  // world coordinates in [0, 1) as the tile scheme uses them (x east, y south)
  const wx = (lon: number) => (lon + 180) / 360
  const wy = (lat: number) => (1 - mercatorY(lat) / Math.PI) / 2
  const x0 = wx(minLon), x1 = wx(maxLon), y0 = wy(maxLat), y1 = wy(minLat)
  const scale = (width - 2 * padding) / Math.max(x1 - x0, y1 - y0, 1e-12)
  const height = Math.round((y1 - y0) * scale + 2 * padding)
  const offsetX = (width - ((x1 - x0) * scale + 2 * padding)) / 2 + padding
  const toView = (x: number, y: number): [number, number] => [offsetX + (x - x0) * scale, padding + (y - y0) * scale]
  const zoom = Math.max(0, Math.min(18, Math.round(Math.log2(scale / 256))))
  return {
    width,
    height,
    zoom,
    project: (lon, lat) => toView(wx(lon), wy(lat)),
    tiles: (z) => {
      const n = 2 ** z
      const size = scale / n
      const [left0, top0] = [x0 - (offsetX / scale), y0 - padding / scale]
      const [right0, bottom0] = [left0 + width / scale, top0 + height / scale]
      const out = []
      for (let tx = Math.floor(left0 * n); tx < Math.ceil(right0 * n); tx++) {
        for (let ty = Math.floor(top0 * n); ty < Math.ceil(bottom0 * n); ty++) {
          if (ty < 0 || ty >= n) continue
          const [left, top] = toView(tx / n, ty / n)
          out.push({ x: ((tx % n) + n) % n, y: ty, z, left, top, size })
        }
      }
      return out
    },
  }
}

/** Signed area of a ring in projected units (positive or negative by orientation). */
function ringArea(points: [number, number][]): number {
  let a = 0
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) a += points[j][0] * points[i][1] - points[i][0] * points[j][1]
  return a / 2
}

/**
 * Where a label goes: the centroid of the largest ring of the geometry in view coordinates (the pole of a convex shape,
 * good enough for districts), and that ring's area (to place the labels of large areas first).
 */
export function labelPoint(geometry: Geometry, projection: Projection): { x: number; y: number; area: number } | undefined {
  let best: { x: number; y: number; area: number } | undefined
  for (const ring of ringsOf(geometry)) {
    if (ring.length < 3) continue
    const pts = ring.map(([lon, lat]) => projection.project(lon, lat))
    const a = ringArea(pts)
    if (Math.abs(a) < 1e-9) continue
    let cx = 0, cy = 0
    for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
      const f = pts[j][0] * pts[i][1] - pts[i][0] * pts[j][1]
      cx += (pts[j][0] + pts[i][0]) * f
      cy += (pts[j][1] + pts[i][1]) * f
    }
    const c = { x: cx / (6 * a), y: cy / (6 * a), area: Math.abs(a) }
    if (!best || c.area > best.area) best = c
  }
  return best
}

export interface LabelBox { id: string; text: string; x: number; y: number; width: number; height: number }

/**
 * Collision-aware labels: largest areas first, each at its point or moved up, down, left or right by its own size when that
 * overlaps a label already placed; a label that fits nowhere inside the view is left out (the name stays in the area's
 * tooltip and in the table).
 */
export function placeLabels(candidates: { id: string; text: string; x: number; y: number; area: number }[], fontSize: number,
  view: { width: number; height: number }): LabelBox[] {
  const placed: LabelBox[] = []
  const overlaps = (b: LabelBox) => placed.some((p) =>
    b.x - b.width / 2 < p.x + p.width / 2 && p.x - p.width / 2 < b.x + b.width / 2
    && b.y - b.height / 2 < p.y + p.height / 2 && p.y - p.height / 2 < b.y + b.height / 2)
  const inside = (b: LabelBox) => b.x - b.width / 2 >= 0 && b.x + b.width / 2 <= view.width && b.y - b.height / 2 >= 0
    && b.y + b.height / 2 <= view.height
  for (const c of [...candidates].sort((a, b) => b.area - a.area || a.text.localeCompare(b.text))) {
    const width = c.text.length * fontSize * 0.56 + 4
    const height = fontSize + 3
    const tries: [number, number][] = [[0, 0], [0, -height], [0, height], [width * 0.6, 0], [-width * 0.6, 0]]
    for (const [dx, dy] of tries) {
      const box = { id: c.id, text: c.text, x: c.x + dx, y: c.y + dy, width, height }
      if (inside(box) && !overlaps(box)) { placed.push(box); break }
    }
  }
  return placed
}
