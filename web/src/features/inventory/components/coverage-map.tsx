import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { CoveragePointDto, CoverageSpaceDto } from '@/api'
import { classify, fitProjection, pathOf, ringsOf, type Geometry } from '@/lib/map-projection'
import { formatFigure, mapValue, type MapMeasure } from '../coverage-format'

const MISSING = '#d9d9d9'

/**
 * A choropleth of supply per 1,000 or the accessibility index over the spaces' GeoJSON (the projection and classes of the
 * indicator maps), with the service locations as points; closed ones (what-if) hollow. A table beside it gives the same
 * figures to screen readers and keyboards.
 */
export function CoverageMap({ spaces, points, measure, whatIf, title }: {
  spaces: CoverageSpaceDto[]
  points: CoveragePointDto[]
  measure: MapMeasure
  whatIf: boolean
  title: string
}) {
  const { t, i18n } = useTranslation()
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '')
  const drawable = spaces.filter((s) => ringsOf(s.geometry as Geometry).length > 0)
  if (drawable.length === 0) return <p className="muted">{t('inventory.coverage.noGeometry')}</p>
  const projection = fitProjection(drawable.flatMap((s) => ringsOf(s.geometry as Geometry)))
  const values = drawable.map((s) => mapValue(s, measure, whatIf)).filter((v): v is number => v !== undefined)
  const classes = classify(values)
  const fmt = (v: number) => formatFigure(v, 1, i18n.language)
  const hatch = `coverage-hatch-${uid}`
  return (
    <figure className="card map coverage-map" style={{ margin: 0 }}>
      <figcaption><h2>{title}</h2></figcaption>
      <svg viewBox={`0 0 ${projection.width} ${projection.height}`} role="img" aria-label={title} style={{ width: '100%', height: 'auto' }}>
        <defs>
          <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={MISSING} /><line x1="0" y1="0" x2="0" y2="6" stroke="#777" strokeWidth="2" />
          </pattern>
        </defs>
        {drawable.map((s) => {
          const v = mapValue(s, measure, whatIf)
          return (
            <path key={s.id} d={pathOf(s.geometry as Geometry, projection)} fillRule="evenodd"
              fill={v === undefined ? `url(#${hatch})` : classes.colorOf(v)} stroke="#333" strokeWidth="0.75">
              <title>{`${s.name}: ${v === undefined ? t('inventory.coverage.noValue') : fmt(v)}`}</title>
            </path>
          )
        })}
        {points.map((p) => {
          const [x, y] = projection.project(p.longitude, p.latitude)
          const closed = whatIf && p.closed
          return (
            <circle key={`${p.serviceId}-${p.locationId}`} cx={x} cy={y} r="3.5" fill={closed ? '#ffffff' : '#b30000'}
              stroke={closed ? '#b30000' : '#ffffff'} strokeWidth="1.5">
              <title>{closed ? t('inventory.coverage.pointClosed', { name: p.serviceName }) : p.serviceName}</title>
            </circle>
          )
        })}
      </svg>
      <ul className="map-legend" style={{ listStyle: 'none', padding: 0 }} aria-label={t('inventory.coverage.legend')}>
        {classes.bounds.slice(0, -1).map((lower, i) => (
          <li key={lower}>
            <svg width="16" height="12" aria-hidden="true" focusable="false"><rect width="16" height="12" fill={classes.colorOf(lower)}
              stroke="#555" /></svg>
            {' '}{fmt(lower)} – {fmt(classes.bounds[i + 1])}
          </li>
        ))}
        <li>
          <svg width="16" height="12" aria-hidden="true" focusable="false"><circle cx="8" cy="6" r="4" fill="#b30000" /></svg>
          {' '}{t('inventory.coverage.legendService')}
        </li>
        {whatIf ? (
          <li>
            <svg width="16" height="12" aria-hidden="true" focusable="false"><circle cx="8" cy="6" r="4" fill="#fff" stroke="#b30000"
              strokeWidth="1.5" /></svg>
            {' '}{t('inventory.coverage.legendClosed')}
          </li>
        ) : null}
      </ul>
    </figure>
  )
}
