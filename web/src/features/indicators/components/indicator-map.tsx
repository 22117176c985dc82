import { useId, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { MapSpace } from '@/api'
import { Table } from '@/components/ui/table'
import { fitMercator, labelPoint, placeLabels, type Projection } from '@/lib/map-projection'
import { mapAttributions, baseMap } from '@/lib/map-sources'
import { formatValue } from '../format-value'
import {
  changeClasses, fitProjection, levelClasses, pathOf, ringsOf, spaceValue, spacesInPeriod, type Legend,
} from '../map-geometry'
import { ValueText } from './value-text'
import '../indicators.css'

export interface MapIndicator {
  name: string
  decimals: number
  unit?: string
}

export type MapMode = 'level' | 'change'
export type MapLayer = 'children' | 'finest'

const MISSING = '#e4e4e4'
const FONT = 8

/**
 * One choropleth map of an indicator with a period slider: the areas of the chosen period (validity-aware), their names
 * where they fit, the parents' outlines, colour classes (levels: sequential; change since the first period: diverging),
 * the classification method in the legend, hatching for withheld and missing values with the reason, and the table
 * alternative. Clicking an area (or its link by keyboard) opens the space. No tile server is needed; a base map is drawn
 * only when one is configured.
 */
export function IndicatorMap({ spaces, periods, indicator, parentId, initialPeriod, initialMode = 'level', initialLayer = 'children',
  heading, showTable = true, headingLevel = 3, viewWidth = 400, showLayer = true }: {
  spaces: MapSpace[]
  /** Oldest first; the slider moves through them. */
  periods: string[]
  indicator: MapIndicator
  /** The chosen area: its outline is drawn, and its children (or the finest spaces below it). */
  parentId?: string
  initialPeriod?: string
  initialMode?: MapMode
  initialLayer?: MapLayer
  heading?: string
  showTable?: boolean
  /** Level of the legend's heading (and of `heading`), so the page's outline stays in order. */
  headingLevel?: 2 | 3
  /** Width of the drawing in SVG units: smaller for small maps, so that names stay readable. */
  viewWidth?: number
  /** Whether the map offers its own choice of level (the dashboard chooses it for ranking and map together). */
  showLayer?: boolean
}) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '')
  const [index, setIndex] = useState(() => Math.max(0, initialPeriod ? periods.indexOf(initialPeriod) : periods.length - 1))
  const [mode, setMode] = useState<MapMode>(initialMode)
  const [layer, setLayer] = useState<MapLayer>(initialLayer)
  const period = periods[Math.min(index, periods.length - 1)] ?? ''
  const baseline = periods[0]
  const fmt = (v: number) => formatValue(v, indicator.decimals, i18n.language)
  const byId = useMemo(() => new Map(spaces.map((s) => [s.id, s])), [spaces])

  // The frame fits every period's areas, so the slider does not make the map jump.
  const allDrawn = useMemo(() => periods.flatMap((p) => spacesInPeriod(spaces, p, layer, parentId)), [spaces, periods, layer, parentId])
  const parent = parentId ? byId.get(parentId) : undefined
  const frameRings = [...allDrawn, ...(parent ? [parent] : [])].flatMap((s) => ringsOf(s.geometry))
  const base = baseMap()
  const projection: Projection & { tiles?: ReturnType<typeof fitMercator>['tiles']; zoom?: number } =
    base ? fitMercator(frameRings, viewWidth) : fitProjection(frameRings, viewWidth)

  const drawn = spacesInPeriod(spaces, period, layer, parentId)
  const drawable = drawn.filter((s) => ringsOf(s.geometry).length > 0)
  const changeOf = (s: MapSpace): number | 'suppressed' | undefined => {
    const a = spaceValue(s, baseline)
    const b = spaceValue(s, period)
    if (a === 'suppressed' || b === 'suppressed') return 'suppressed'
    return typeof a === 'number' && typeof b === 'number' ? b - a : undefined
  }
  const shownValue = (s: MapSpace) => (mode === 'level' ? spaceValue(s, period) : changeOf(s))
  // Classes over every period of the slider (levels) or every period's change, so colours mean the same while sliding.
  const legend: Legend = useMemo(() => {
    const pool = periods.flatMap((p) => spacesInPeriod(spaces, p, layer, parentId).map((s) => {
      if (mode === 'level') return spaceValue(s, p)
      const a = spaceValue(s, periods[0]); const b = spaceValue(s, p)
      return typeof a === 'number' && typeof b === 'number' ? b - a : undefined
    })).filter((v): v is number => typeof v === 'number')
    return mode === 'level' ? levelClasses(pool) : changeClasses(pool)
  }, [spaces, periods, layer, parentId, mode])

  const outlines = [...new Set(drawable.map((s) => s.parentId).filter((id): id is string => !!id))]
    .map((id) => byId.get(id)).filter((s): s is MapSpace => !!s && ringsOf(s.geometry).length > 0)
  const labels = placeLabels(drawable.flatMap((s) => {
    const p = labelPoint(s.geometry, projection)
    return p ? [{ id: s.id, text: s.name, ...p }] : []
  }), FONT, projection)
  const attributions = mapAttributions([...drawable, ...outlines])
  const title = mode === 'level'
    ? t('indicators.map.mapLabel', { indicator: indicator.name, period })
    : t('indicators.map.changeLabel', { indicator: indicator.name, from: baseline, to: period })
  const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${fmt(Math.abs(v))}`
  const describe = (v: number | 'suppressed' | undefined) => typeof v === 'number' ? (mode === 'level' ? fmt(v) : signed(v))
    : v === 'suppressed' ? t('indicators.map.withheld') : t('indicators.map.noValue')
  const unit = indicator.unit ? `\u00a0${indicator.unit}` : ''
  const ids = { slider: `${uid}-slider`, mode: `${uid}-mode`, layer: `${uid}-layer`, title: `${uid}-title` }

  return (
    <div className="indicator-map">
      <div className="indicator-map__controls">
        <div className="field indicator-map__slider">
          <label htmlFor={ids.slider} className="field__label">{t('indicators.map.period')}: <strong>{period}</strong></label>
          <input id={ids.slider} type="range" min={0} max={Math.max(0, periods.length - 1)} step={1} value={index}
            aria-valuetext={period} disabled={periods.length < 2} onChange={(e) => setIndex(Number(e.target.value))} />
        </div>
        <div className="field">
          <label htmlFor={ids.mode} className="field__label">{t('indicators.map.display')}</label>
          <select id={ids.mode} className="input" value={mode} onChange={(e) => setMode(e.target.value as MapMode)}>
            <option value="level">{t('indicators.map.modeLevel')}</option>
            <option value="change">{t('indicators.map.modeChange', { from: baseline })}</option>
          </select>
        </div>
        {showLayer ? <div className="field">
          <label htmlFor={ids.layer} className="field__label">{t('indicators.map.layer')}</label>
          <select id={ids.layer} className="input" value={layer} onChange={(e) => setLayer(e.target.value as MapLayer)}>
            <option value="children">{t('indicators.map.layerChildren')}</option>
            <option value="finest">{t('indicators.map.layerFinest')}</option>
          </select>
        </div> : null}
      </div>
      <figure className="indicator-map__figure">
        <figcaption id={ids.title}>{heading ? <H level={headingLevel}>{heading}</H> : null}<span>{title}</span></figcaption>
        {drawable.length === 0 ? <p className="muted">{t('indicators.map.noGeometry')}</p> : (
          <svg viewBox={`0 0 ${projection.width} ${projection.height}`} className="map-svg" role="group" aria-labelledby={ids.title}>
            <defs>
              <Hatch id={`${uid}-withheld`} kind="withheld" />
              <Hatch id={`${uid}-missing`} kind="missing" />
            </defs>
            {base && projection.tiles && projection.zoom !== undefined ? (
              <g aria-hidden="true">
                {projection.tiles(projection.zoom).map((tile) => (
                  <image key={`${tile.z}/${tile.x}/${tile.y}`} href={base.url.replace('{z}', String(tile.z)).replace('{x}', String(tile.x))
                    .replace('{y}', String(tile.y))} x={tile.left} y={tile.top} width={tile.size} height={tile.size} opacity={0.6} />
                ))}
              </g>
            ) : null}
            {drawable.map((s) => {
              const v = shownValue(s)
              const fill = typeof v === 'number' ? legend.colorOf(v) : `url(#${uid}-${v === 'suppressed' ? 'withheld' : 'missing'})`
              const label = `${s.name}: ${describe(v)}`
              return (
                <a key={s.id} href={`/spaces/${s.id}`} aria-label={label} className="indicator-map__area"
                  onClick={(e) => { e.preventDefault(); void navigate(`/spaces/${s.id}`) }}>
                  <path d={pathOf(s.geometry, projection)} fillRule="evenodd" fill={fill} fillOpacity={base ? 0.8 : 1} stroke="#333"
                    strokeWidth="0.6"><title>{label}</title></path>
                </a>
              )
            })}
            {outlines.map((s) => (
              <path key={`o-${s.id}`} d={pathOf(s.geometry, projection)} fill="none" stroke="#111" strokeWidth="1.8" pointerEvents="none"
                aria-hidden="true" />
            ))}
            {parent && ringsOf(parent.geometry).length > 0 && !outlines.includes(parent) ? (
              <path d={pathOf(parent.geometry, projection)} fill="none" stroke="#111" strokeWidth="1.8" pointerEvents="none"
                aria-hidden="true" />
            ) : null}
            <g aria-hidden="true" className="indicator-map__labels">
              {labels.map((l) => (
                <text key={l.id} x={l.x} y={l.y} fontSize={FONT} textAnchor="middle" dominantBaseline="central" pointerEvents="none">
                  {l.text}
                </text>
              ))}
            </g>
          </svg>
        )}
        {attributions.length > 0 || base?.attribution ? (
          <p className="map-attribution">{[...attributions, ...(base?.attribution ? [base.attribution] : [])].join(' · ')}</p>
        ) : null}
      </figure>
      {drawable.length > 0 ? (
        <MapLegend legend={legend} mode={mode} fmt={fmt} unit={unit} uid={uid} baseline={baseline} headingLevel={headingLevel} />
      ) : null}
      {showTable ? (
        <Table caption={<>{t('indicators.map.tableCaption')} – {indicator.name}, {period}</>} hiddenCaption={false}
          columns={[t('indicators.map.space'), period, t('indicators.map.changeSince', { from: baseline })]}>
          {drawn.map((s) => {
            const v = spaceValue(s, period)
            const c = changeOf(s)
            return (
              <tr key={s.id}>
                <th scope="row"><a href={`/spaces/${s.id}`} onClick={(e) => { e.preventDefault(); void navigate(`/spaces/${s.id}`) }}>
                  {s.name}</a></th>
                <td>{v === undefined ? <span className="muted">{t('indicators.map.noValue')}</span>
                  : <ValueText value={v === 'suppressed' ? undefined : v} suppressed={v === 'suppressed'} decimals={indicator.decimals}
                    unit={indicator.unit} />}</td>
                <td>{typeof c === 'number' ? signed(c) : <span className="muted">{describe(c)}</span>}</td>
              </tr>
            )
          })}
        </Table>
      ) : null}
    </div>
  )
}

function Hatch({ id, kind }: { id: string; kind: 'withheld' | 'missing' }) {
  return kind === 'withheld' ? (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="6" height="6" fill={MISSING} /><line x1="0" y1="0" x2="0" y2="6" stroke="#555" strokeWidth="2" />
    </pattern>
  ) : (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse">
      <rect width="6" height="6" fill="#fff" /><circle cx="3" cy="3" r="1" fill="#777" />
    </pattern>
  )
}

/** The classes with their colours, the method and what the hatchings mean. */
function H({ level, children }: { level: 2 | 3; children: ReactNode }) {
  return level === 2 ? <h2>{children}</h2> : <h3>{children}</h3>
}

export function MapLegend({ legend, mode, fmt, unit, uid, baseline, headingLevel = 3 }: {
  legend: Legend
  mode: MapMode
  fmt: (v: number) => string
  unit: string
  uid: string
  baseline?: string
  headingLevel?: 2 | 3
}) {
  const { t } = useTranslation()
  const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${fmt(Math.abs(v))}`
  const show = mode === 'level' ? fmt : signed
  return (
    <div className="map-legend">
      <H level={headingLevel}>{t('indicators.map.legend')}</H>
      <p className="map-legend__method">{mode === 'level'
        ? t('indicators.map.methodEqual', { n: legend.colors.length })
        : t('indicators.map.methodSymmetric', { from: baseline })}</p>
      <ul>
        {legend.bounds.length < 2 ? null : legend.colors.map((color, i) => (
          <li key={color}>
            <svg width="16" height="12" aria-hidden="true" focusable="false"><rect width="16" height="12" fill={color}
              stroke="#555" /></svg>
            {' '}{legend.bounds.length === 2 ? `${show(legend.bounds[0])}${unit}`
              : `${show(legend.bounds[i])} – ${show(legend.bounds[i + 1])}${unit}`}
          </li>
        ))}
        <li>
          <svg width="16" height="12" aria-hidden="true" focusable="false">
            <defs><Hatch id={`${uid}-lw`} kind="withheld" /></defs>
            <rect width="16" height="12" fill={`url(#${uid}-lw)`} stroke="#555" />
          </svg>
          {' '}{t('indicators.map.legendWithheld')}
        </li>
        <li>
          <svg width="16" height="12" aria-hidden="true" focusable="false">
            <defs><Hatch id={`${uid}-lm`} kind="missing" /></defs>
            <rect width="16" height="12" fill={`url(#${uid}-lm)`} stroke="#555" />
          </svg>
          {' '}{t('indicators.map.legendMissing')}
        </li>
      </ul>
    </div>
  )
}
