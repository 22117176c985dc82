import { useMemo, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { LocationDto, SpaceDto } from '@/api'
import { pathOf, ringsOf, type Geometry } from '@/lib/map-projection'
import { MAP_HEIGHT, MAP_WIDTH, boundsOf, clusterPoints, pointsOf, projectionFor, type Bounds, type MapPoint } from './map-layout'

function onActivate(action: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      action()
    }
  }
}

/**
 * Facilities as markers over the spaces (drawn from their GeoJSON, as the indicator maps do), clustered when dense: a
 * cluster shows its count and zooms in when chosen; a marker opens the facility. Everything is reachable by keyboard;
 * the list beside the map names the same facilities.
 */
export function FacilityMap({ locations, spaces, labelledBy }: { locations: readonly LocationDto[]; spaces: readonly SpaceDto[];
  labelledBy: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const points = useMemo(() => pointsOf(locations), [locations])
  const spaceRings = useMemo(
    () => spaces.flatMap((s) => (ringsOf(s.geometry as Geometry).length ? [{ id: s.id, name: s.name, geometry: s.geometry as Geometry }]
      : [])),
    [spaces],
  )
  const home = useMemo<Bounds>(
    () => boundsOf(points) ?? boundsOf(spaceRings.flatMap((s) => ringsOf(s.geometry).flat().map(([lon, lat]) => ({ lon, lat }))), 0.05)
      ?? [5.8, 47.2, 15.1, 55.1],
    [points, spaceRings],
  )
  const [view, setView] = useState<Bounds | null>(null)
  /** The facilities of a cluster that no zoom can take apart (same building), listed under the map. */
  const [together, setTogether] = useState<MapPoint[] | null>(null)
  const openCluster = (cluster: MapPoint[]) => {
    const next = boundsOf(cluster, 0.3, 0.002)
    if (next && clusterPoints(cluster, projectionFor(next)).length > 1) {
      setTogether(null)
      setView(next)
    } else setTogether(cluster)
  }
  const bounds = view ?? home
  const projection = projectionFor(bounds)
  const clusters = clusterPoints(points, projection)
  const zoom = (factor: number) => {
    const [w, s, e, n] = bounds
    const cx = (w + e) / 2, cy = (s + n) / 2, hx = ((e - w) / 2) * factor, hy = ((n - s) / 2) * factor
    setView([cx - hx, cy - hy, cx + hx, cy + hy])
  }
  const withoutCoordinates = locations.length - points.length

  return (
    <div className="facility-map">
      <div className="facility-map__tools" role="group" aria-label={t('inventory.map.tools')}>
        <button type="button" className="button button--secondary button--small" onClick={() => zoom(0.5)}>
          {t('inventory.map.zoomIn')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => zoom(2)}>
          {t('inventory.map.zoomOut')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => { setView(null); setTogether(null) }}
          disabled={view === null && together === null}>
          {t('inventory.map.reset')}
        </button>
      </div>
      <svg
        className="facility-map__svg"
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="group"
        aria-labelledby={labelledBy}
        aria-describedby="facility-map-summary"
      >
        <defs>
          <clipPath id="facility-map-clip">
            <rect width={MAP_WIDTH} height={MAP_HEIGHT} />
          </clipPath>
        </defs>
        <g clipPath="url(#facility-map-clip)">
          <rect width={MAP_WIDTH} height={MAP_HEIGHT} className="facility-map__sea" />
          {spaceRings.map((s) => (
            <path key={s.id} d={pathOf(s.geometry, projection)} className="facility-map__space" fillRule="evenodd">
              <title>{s.name}</title>
            </path>
          ))}
          {clusters.map((c) =>
            c.points.length === 1 ? (
              <g
                key={c.points[0].id}
                className="facility-map__marker"
                role="link"
                tabIndex={0}
                aria-label={c.points[0].name}
                transform={`translate(${c.x},${c.y})`}
                onClick={() => navigate(`/inventory/locations/${c.points[0].id}`)}
                onKeyDown={onActivate(() => navigate(`/inventory/locations/${c.points[0].id}`))}
              >
                <title>{c.points[0].name}</title>
                <path d="M0,0 C-7,-10 -9,-14 -9,-18 A9,9 0 1 1 9,-18 C9,-14 7,-10 0,0Z" />
                <circle cy={-18} r={3.5} className="facility-map__marker-dot" />
              </g>
            ) : (
              <g
                key={c.points.map((p) => p.id).join()}
                className="facility-map__cluster"
                role="button"
                tabIndex={0}
                aria-label={t('inventory.map.cluster', { count: c.points.length, names: c.points.map((p) => p.name).join(', ') })}
                transform={`translate(${c.x},${c.y})`}
                onClick={() => openCluster(c.points)}
                onKeyDown={onActivate(() => openCluster(c.points))}
              >
                <title>{t('inventory.map.clusterTitle', { count: c.points.length })}</title>
                <circle r={14 + Math.min(10, c.points.length)} />
                <text textAnchor="middle" dy="0.35em">
                  {c.points.length}
                </text>
              </g>
            ),
          )}
        </g>
      </svg>
      {together ? (
        <div className="facility-map__together" role="status">
          <p>{t('inventory.map.together', { count: together.length })}</p>
          <ul>
            {together.map((p) => (
              <li key={p.id}>
                <Link to={`/inventory/locations/${p.id}`}>{p.name}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p id="facility-map-summary" className="muted small">
        {t('inventory.map.summary', { count: points.length })}
        {withoutCoordinates > 0 ? ` ${t('inventory.map.withoutCoordinates', { count: withoutCoordinates })}` : ''}
      </p>
    </div>
  )
}
