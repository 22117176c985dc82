import { useId, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { IndicatorValue, PeriodValueDto } from '@/api'
import type { SeriesPoint } from '../api/indicators'
import { linePath, valueTicks } from '../chart-scale'
import { formatValue } from '../format-value'
import { ValueText } from './value-text'
import '../indicators.css'

export interface SeriesIndicator {
  id: string
  name: string
  unit?: string
  decimals: number
}

export interface SeriesProps {
  indicator: SeriesIndicator
  /** The space's values: measured, or computed from the spaces below (aggregated, with their coverage). */
  observations: IndicatorValue[]
  reference?: { name: string; observations: SeriesPoint[] }
  baseline?: PeriodValueDto
  target?: PeriodValueDto
}

export interface Row {
  period: string
  own?: IndicatorValue
  ref?: SeriesPoint
}

function rowsOf(observations: IndicatorValue[], reference?: SeriesPoint[]): Row[] {
  const map = new Map<string, Row>()
  for (const o of observations) map.set(o.period, { ...map.get(o.period), period: o.period, own: o })
  for (const o of reference ?? []) map.set(o.period, { ...map.get(o.period), period: o.period, ref: o })
  return [...map.values()].sort((a, b) => a.period.localeCompare(b.period))
}

/** Suppressed values never reach the chart (a gap); the table says "gesperrt". */
const plotted = (o?: SeriesPoint) => (o && !o.suppressed && o.value !== undefined && o.value !== null ? o.value : null)

/** The chart's height in pixels: fixed, so the card keeps its place while the page loads (no layout shift). */
const CHART_HEIGHT = 280
const LEGEND_HEIGHT = 28
const PLOT_HEIGHT = CHART_HEIGHT - LEGEND_HEIGHT
const MARGIN = { top: 12, right: 24, bottom: 28, left: 64 }
const COLOURS = { own: '#1d4ed8', reference: '#6b7280', baseline: '#b45309', baselineText: '#7c2d12', target: '#15803d', targetText: '#14532d' }

// The last width a chart was drawn at: the charts of a page share it, so a chart drawn later starts at the right width
// and is not drawn twice. The first one starts from the window's width less the page's and the card's padding.
let lastWidth: number | undefined

/** The width of the element, read before the first paint and again whenever it changes. */
function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null)
  const [width, setWidth] = useState(() => lastWidth ?? (typeof window === 'undefined' ? 640 : Math.min(window.innerWidth, 1152) - 74))
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const read = () => {
      if (el.clientWidth > 0) {
        lastWidth = el.clientWidth
        setWidth(el.clientWidth)
      }
    }
    read()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(read)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  return [ref, width] as const
}

/**
 * Time series of one indicator in one space: a line chart with baseline/target lines and the reference, plus the same as
 * a table. Drawn as plain SVG (like the maps): a chart library would cost the page more than the rest of it together.
 */
export function IndicatorChart({ indicator, observations, reference, baseline, target }: SeriesProps) {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  const [figureRef, width] = useWidth<HTMLElement>()
  const rows = rowsOf(observations, reference?.observations)
  const fmt = (v: number) => formatValue(v, indicator.decimals, i18n.language)
  const title = indicator.unit ? `${indicator.name} (${indicator.unit})` : indicator.name
  const own = rows.map((r) => plotted(r.own))
  const ref = rows.map((r) => (reference ? plotted(r.ref) : null))
  const values = [...own, ...ref].filter((v): v is number => v !== null)
  for (const line of [baseline, target]) if (line) values.push(line.value)
  const ticks = valueTicks(values.length > 0 ? values : [0], indicator.decimals)
  const [lo, hi] = [ticks[0], ticks[ticks.length - 1]]
  const plot = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: PLOT_HEIGHT - MARGIN.bottom }
  const band = (plot.right - plot.left) / Math.max(1, rows.length)
  const x = (i: number) => plot.left + band * (i + 0.5)
  const y = (v: number) => plot.bottom - ((v - lo) / (hi - lo || 1)) * (plot.bottom - plot.top)
  const labelEvery = Math.max(1, Math.ceil(rows.length / Math.max(1, Math.floor((plot.right - plot.left) / 48))))
  const pointsOf = (vs: (number | null)[]) => vs.map((v, i) => (v === null ? null : { x: x(i), y: y(v) }))
  const tip = (r: Row, i: number) => [
    r.period,
    own[i] !== null ? `${t('indicators.space.value')}: ${fmt(own[i]!)}` : '',
    reference && ref[i] !== null ? `${reference.name}: ${fmt(ref[i]!)}` : '',
  ].filter(Boolean).join('\n')
  const lineLabel = (line: PeriodValueDto, kind: 'baseline' | 'target') => {
    const ly = y(line.value)
    const above = kind === 'target' || ly > plot.bottom - 16
    return (
      <g className={`chart__${kind}`}>
        <line x1={plot.left} x2={plot.right} y1={ly} y2={ly} stroke={COLOURS[kind]} strokeDasharray={kind === 'baseline' ? '2 2' : undefined} />
        <text x={kind === 'target' ? plot.right - 4 : plot.left + 4} y={above ? Math.max(plot.top + 10, ly - 5) : ly + 14}
          textAnchor={kind === 'target' ? 'end' : 'start'} fill={COLOURS[kind === 'target' ? 'targetText' : 'baselineText']}>
          {`${t(`indicators.space.${kind}`)} ${line.period}`}
        </text>
      </g>
    )
  }
  return (
    <section className="card chart-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <figure ref={figureRef} className="chart" role="img" aria-label={t('indicators.space.chartLabel', { name: indicator.name })}>
        <svg width={width} height={PLOT_HEIGHT} viewBox={`0 0 ${width} ${PLOT_HEIGHT}`} className="chart__svg">
          <g className="chart__grid" stroke="#d0d5dd" strokeDasharray="3 3">
            {ticks.map((v) => <line key={v} x1={plot.left} x2={plot.right} y1={y(v)} y2={y(v)} />)}
          </g>
          <g className="chart__axis" fill="#475467">
            {ticks.map((v) => <text key={v} x={plot.left - 6} y={y(v) + 4} textAnchor="end">{fmt(v)}</text>)}
            {rows.map((r, i) => (i % labelEvery === 0
              ? <text key={r.period} x={x(i)} y={plot.bottom + 18} textAnchor="middle">{r.period}</text> : null))}
          </g>
          <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke="#667085" />
          {baseline ? lineLabel(baseline, 'baseline') : null}
          {target ? lineLabel(target, 'target') : null}
          {reference ? (
            <path className="chart__reference" d={linePath(pointsOf(ref))} fill="none" stroke={COLOURS.reference} strokeWidth={1.5}
              strokeDasharray="5 4" />
          ) : null}
          <path className="chart__own" d={linePath(pointsOf(own))} fill="none" stroke={COLOURS.own} strokeWidth={2} />
          {rows.map((r, i) => (
            <g key={r.period}>
              {own[i] !== null ? <circle cx={x(i)} cy={y(own[i]!)} r={3} fill={COLOURS.own} /> : null}
              {reference && ref[i] !== null ? <circle cx={x(i)} cy={y(ref[i]!)} r={2.5} fill={COLOURS.reference} /> : null}
              {/* the band of one period: hovering it names the values, as the table does */}
              <rect x={x(i) - band / 2} y={plot.top} width={band} height={plot.bottom - plot.top} fill="transparent">
                <title>{tip(r, i)}</title>
              </rect>
            </g>
          ))}
        </svg>
        <ul className="chart__legend">
          <li><span className="chart__key chart__key--own" />{t('indicators.space.value')}</li>
          {reference ? (
            <li><span className="chart__key chart__key--reference" />{reference.name}</li>
          ) : null}
        </ul>
      </figure>
      <details>
        <summary>{t('indicators.space.showTable')}</summary>
        <SeriesTable indicator={indicator} rows={rows} reference={reference} baseline={baseline} target={target} />
      </details>
    </section>
  )
}

/** The status of a measured value, or for a computed one where it comes from ("berechnet aus 3 von 5 Teilräumen"). */
function StatusText({ value }: { value: IndicatorValue }) {
  const { t, i18n } = useTranslation()
  if (!value.aggregated) return <>{value.status ? t(`indicators.status.${value.status}`) : ''}</>
  const c = value.coverage
  if (!c) return <>{t('indicators.space.computed')}</>
  const share = c.populationShare == null ? undefined
    : new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', { style: 'percent', maximumFractionDigits: 0 }).format(c.populationShare)
  return <>{share ? t('indicators.space.computedFromShare', { parts: c.parts, of: c.of, share }) : t('indicators.space.computedFrom', { parts: c.parts, of: c.of })}</>
}

export function SeriesTable({
  indicator,
  rows,
  reference,
  baseline,
  target,
}: { indicator: SeriesIndicator; rows: Row[] } & Pick<SeriesProps, 'reference' | 'baseline' | 'target'>) {
  const { t } = useTranslation()
  const v = (value: number) => <ValueText value={value} decimals={indicator.decimals} unit={indicator.unit} />
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="table">
        <caption>{t('indicators.space.tableCaption', { name: indicator.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('indicators.space.period')}</th>
            <th scope="col">{t('indicators.space.value')}</th>
            <th scope="col">{t('indicators.space.status')}</th>
            {reference ? <th scope="col">{t('indicators.space.referenceValue', { name: reference.name })}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.period}>
              <th scope="row">{r.period}</th>
              <td>
                {r.own ? <ValueText value={r.own.value} suppressed={r.own.suppressed} decimals={indicator.decimals} unit={indicator.unit} />
                  : '–'}
              </td>
              <td>{r.own ? <StatusText value={r.own} /> : ''}</td>
              {reference ? (
                <td>{r.ref ? <ValueText value={r.ref.value} suppressed={r.ref.suppressed} decimals={indicator.decimals}
                  unit={indicator.unit} /> : '–'}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
        {baseline || target ? (
          <tfoot>
            {baseline ? (
              <tr>
                <th scope="row">{t('indicators.space.baseline')} {baseline.period}</th>
                <td colSpan={reference ? 3 : 2}>{v(baseline.value)}</td>
              </tr>
            ) : null}
            {target ? (
              <tr>
                <th scope="row">{t('indicators.space.target')} {target.period}</th>
                <td colSpan={reference ? 3 : 2}>{v(target.value)}</td>
              </tr>
            ) : null}
          </tfoot>
        ) : null}
      </table>
    </div>
  )
}

