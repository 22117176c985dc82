import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { MapSpace } from '@/api'
import { Table } from '@/components/ui/table'
import { formatValue } from '../format-value'
import { classify, fitProjection, leafSpaces, pathOf, ringsOf, shownIn, spaceValue, type Classes, type Projection } from '../map-geometry'
import { ValueText } from './value-text'
import '../indicators.css'

export interface MapIndicator {
  name: string
  decimals: number
  unit?: string
}

const MISSING = '#d9d9d9'

/** Two choropleth maps side by side (same classes), a legend and a table alternative. */
export function MapComparison({ spaces, indicator, periodA, periodB, parentId }: {
  spaces: MapSpace[]
  /** The chosen area: its direct children are drawn. */
  parentId?: string
  indicator: MapIndicator
  periodA: string
  periodB: string
}) {
  const { t, i18n } = useTranslation()
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '')
  const hatchId = `hatch-${uid}`
  const leaves = leafSpaces(spaces, parentId)
  const drawable = leaves.filter((s) => ringsOf(s.geometry).length > 0)
  const projection = fitProjection(drawable.flatMap((s) => ringsOf(s.geometry)))
  const numbers = leaves.flatMap((s) => [spaceValue(s, periodA), spaceValue(s, periodB)])
    .filter((v): v is number => typeof v === 'number')
  const classes = classify(numbers)
  const fmt = (v: number) => formatValue(v, indicator.decimals, i18n.language)

  return (
    <>
      {drawable.length === 0 ? (
        <p className="muted">{t('indicators.map.noGeometry')}</p>
      ) : (
        <div className="map-pair" style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem' }}>
          {[periodA, periodB].map((period) => (
            <ChoroplethMap key={period} spaces={drawable.filter((s) => shownIn(s, period))} indicator={indicator} period={period}
              projection={projection} classes={classes} hatchId={`${hatchId}-${period}`} />
          ))}
        </div>
      )}
      {drawable.length > 0 ? (
        <div className="map-legend">
          <h3>{t('indicators.map.legend')}</h3>
          <ul style={{ listStyle: 'none', padding: 0 }}>
            {classes.bounds.slice(0, -1).map((lower, i) => (
              <li key={lower}>
                <svg width="16" height="12" aria-hidden="true" focusable="false"><rect width="16" height="12" fill={classes.colorOf(lower)}
                  stroke="#555" /></svg>
                {' '}{fmt(lower)} – {fmt(classes.bounds[i + 1])}{indicator.unit ? `\u00a0${indicator.unit}` : ''}
              </li>
            ))}
            <li>
              <svg width="16" height="12" aria-hidden="true" focusable="false">
                <defs>
                  <pattern id={`${hatchId}-legend`} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="4" height="4" fill={MISSING} /><line x1="0" y1="0" x2="0" y2="4" stroke="#777" strokeWidth="1.5" />
                  </pattern>
                </defs>
                <rect width="16" height="12" fill={`url(#${hatchId}-legend)`} stroke="#555" />
              </svg>
              {' '}{t('indicators.map.missing')}
            </li>
          </ul>
        </div>
      ) : null}
      <Table
        caption={<>{t('indicators.map.tableCaption')} – {indicator.name}</>}
        hiddenCaption={false}
        columns={[t('indicators.map.space'), periodA, periodB, t('indicators.map.change')]}
      >
        {leaves.map((s) => {
          const a = spaceValue(s, periodA)
          const b = spaceValue(s, periodB)
          const change = typeof a === 'number' && typeof b === 'number' ? b - a : undefined
          return (
            <tr key={s.id}>
              <th scope="row">{s.name}</th>
              <td><Cell value={a} indicator={indicator} /></td>
              <td><Cell value={b} indicator={indicator} /></td>
              <td>{change === undefined ? <span className="muted">–</span>
                : `${change > 0 ? '+' : change < 0 ? '−' : '±'}${fmt(Math.abs(change))}`}</td>
            </tr>
          )
        })}
      </Table>
    </>
  )
}

function Cell({ value, indicator }: { value: number | 'suppressed' | undefined; indicator: MapIndicator }) {
  const { t } = useTranslation()
  if (value === undefined) return <span className="muted">{t('indicators.map.noValue')}</span>
  return <ValueText value={value === 'suppressed' ? undefined : value} suppressed={value === 'suppressed'} decimals={indicator.decimals}
    unit={indicator.unit} />
}

function ChoroplethMap({ spaces, indicator, period, projection, classes, hatchId }: {
  spaces: MapSpace[]
  indicator: MapIndicator
  period: string
  projection: Projection
  classes: Classes
  hatchId: string
}) {
  const { t, i18n } = useTranslation()
  const title = t('indicators.map.mapLabel', { indicator: indicator.name, period })
  return (
    <figure className="card map" style={{ flex: '1 1 20rem', margin: 0 }}>
      <figcaption><h2>{title}</h2></figcaption>
      <svg viewBox={`0 0 ${projection.width} ${projection.height}`} role="img" aria-label={title} style={{ width: '100%', height: 'auto' }}>
        <defs>
          <pattern id={hatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={MISSING} /><line x1="0" y1="0" x2="0" y2="6" stroke="#777" strokeWidth="2" />
          </pattern>
        </defs>
        {spaces.map((s) => {
          const v = spaceValue(s, period)
          const text = typeof v === 'number' ? formatValue(v, indicator.decimals, i18n.language) : v === 'suppressed'
            ? t('indicators.suppressed') : t('indicators.map.noValue')
          return (
            <path key={s.id} d={pathOf(s.geometry, projection)} fillRule="evenodd"
              fill={typeof v === 'number' ? classes.colorOf(v) : `url(#${hatchId})`} stroke="#333" strokeWidth="0.75">
              <title>{`${s.name}: ${text}`}</title>
            </path>
          )
        })}
      </svg>
    </figure>
  )
}
