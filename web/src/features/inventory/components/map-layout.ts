import type { LocationDto } from '@/api'
import type { Projection } from '@/lib/map-projection'

export const MAP_WIDTH = 640
export const MAP_HEIGHT = 480
/** Markers closer than this (in SVG units) are drawn as one cluster with their count. */
export const CLUSTER_RADIUS = 26

export type Bounds = [west: number, south: number, east: number, north: number]

export interface MapPoint {
  id: string
  name: string
  lon: number
  lat: number
}

export interface Cluster {
  x: number
  y: number
  points: MapPoint[]
}


/** The bounds of the points, padded (at least `minSpan` degrees wide and high); undefined without points. */
export function boundsOf(points: readonly { lon: number; lat: number }[], pad = 0.15, minSpan = 0.01): Bounds | undefined {
  if (points.length === 0) return undefined
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity
  for (const p of points) {
    w = Math.min(w, p.lon); e = Math.max(e, p.lon); s = Math.min(s, p.lat); n = Math.max(n, p.lat)
  }
  const dx = Math.max(e - w, minSpan) * pad + Math.max(0, minSpan - (e - w)) / 2
  const dy = Math.max(n - s, minSpan) * pad + Math.max(0, minSpan - (n - s)) / 2
  return [w - dx, s - dy, e + dx, n + dy]
}

/**
 * An equirectangular projection showing `bounds` whole and centred in the map (longitudes shortened by the cosine of the
 * middle latitude).
 */
export function projectionFor(bounds: Bounds, width = MAP_WIDTH, height = MAP_HEIGHT): Projection {
  const [w, s, e, n] = bounds
  const cy = (s + n) / 2
  const cx = (w + e) / 2
  const k = Math.cos((cy * Math.PI) / 180)
  const scale = Math.min(width / Math.max((e - w) * k, 1e-9), height / Math.max(n - s, 1e-9))
  return { width, height, project: (lon, lat) => [width / 2 + (lon - cx) * k * scale, height / 2 - (lat - cy) * scale] }
}

/** Greedy clustering in screen space: each point joins the first cluster within `radius`, else starts one. */
export function clusterPoints(points: readonly MapPoint[], projection: Projection, radius = CLUSTER_RADIUS): Cluster[] {
  const clusters: Cluster[] = []
  for (const p of points) {
    const [x, y] = projection.project(p.lon, p.lat)
    const near = clusters.find((c) => Math.hypot(c.x - x, c.y - y) < radius)
    if (near) {
      near.points.push(p)
      const count = near.points.length
      near.x += (x - near.x) / count
      near.y += (y - near.y) / count
    } else clusters.push({ x, y, points: [p] })
  }
  return clusters
}

/** The points of locations that have coordinates. */
export function pointsOf(locations: readonly LocationDto[]): MapPoint[] {
  return locations.flatMap((l) =>
    typeof l.latitude === 'number' && typeof l.longitude === 'number' ? [{ id: l.id, name: l.name, lon: l.longitude, lat: l.latitude }]
      : [],
  )
}
