import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { fitProjection, labelPoint, pathOf, placeLabels, ringsOf, type Geometry } from '@/lib/map-projection'
import { mapAttributions } from '@/lib/map-sources'

interface Shape { id: string; code: string; name: string; geometry?: Geometry }

/**
 * A space's shape on a small map (no tiles): its outline, its children's areas with their names where they fit (a click
 * opens the child), and the source of the boundaries. Nothing when the space has no shape.
 */
export function SpaceShape({ space, parts = [], label }: { space: Shape; parts?: Shape[]; label: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const own = ringsOf(space.geometry)
  if (own.length === 0) return <p className="muted">{t('maps.noShape')}</p>
  const drawn = parts.filter((c) => ringsOf(c.geometry).length > 0)
  const projection = fitProjection([...own, ...drawn.flatMap((c) => ringsOf(c.geometry))], 300)
  const labels = placeLabels(drawn.flatMap((c) => {
    const p = labelPoint(c.geometry, projection)
    return p ? [{ id: c.id, text: c.name, ...p }] : []
  }), 8, projection)
  const sources = mapAttributions([space, ...drawn])
  return (
    <figure className="space-shape">
      <svg viewBox={`0 0 ${projection.width} ${projection.height}`} className="map-svg" role="group" aria-label={label}>
        {drawn.length === 0 ? <path d={pathOf(space.geometry, projection)} fill="#bdd7e7" stroke="#08519c" strokeWidth="1.5"
          aria-hidden="true" /> : null}
        {drawn.map((c) => (
          <a key={c.id} href={`/spaces/${c.id}`} aria-label={c.name} className="indicator-map__area"
            onClick={(e) => { e.preventDefault(); void navigate(`/spaces/${c.id}`) }}>
            <path d={pathOf(c.geometry, projection)} fill="#deebf7" stroke="#4a6a8a" strokeWidth="0.6"><title>{c.name}</title></path>
          </a>
        ))}
        {drawn.length > 0 ? <path d={pathOf(space.geometry, projection)} fill="none" stroke="#08519c" strokeWidth="1.8" pointerEvents="none"
          aria-hidden="true" /> : null}
        <g aria-hidden="true" className="indicator-map__labels">
          {labels.map((l) => <text key={l.id} x={l.x} y={l.y} fontSize={8} textAnchor="middle" dominantBaseline="central">{l.text}</text>)}
        </g>
      </svg>
      {sources.length > 0 ? <figcaption className="map-attribution">{sources.join(' · ')}</figcaption> : null}
    </figure>
  )
}
