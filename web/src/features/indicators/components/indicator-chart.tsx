import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { IndicatorValue, PeriodValueDto } from '@/api'
import type { SeriesPoint } from '../api/indicators'
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

/** Time series of one indicator in one space: line chart with baseline/target lines and the reference, plus the same as a table. */
export function IndicatorChart({ indicator, observations, reference, baseline, target }: SeriesProps) {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  const rows = rowsOf(observations, reference?.observations)
  const data = rows.map((r) => ({ period: r.period, value: plotted(r.own), reference: plotted(r.ref) }))
  const fmt = (v: unknown) => (typeof v === 'number' ? formatValue(v, indicator.decimals, i18n.language) : String(v ?? ''))
  const title = indicator.unit ? `${indicator.name} (${indicator.unit})` : indicator.name
  return (
    <section className="card chart-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <figure className="chart" role="img" aria-label={t('indicators.space.chartLabel', { name: indicator.name })}>
        <ResponsiveContainer width="100%" height={280}>
          <LineChart data={data} margin={{ top: 10, right: 24, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="period" />
            <YAxis tickFormatter={fmt} width={64} />
            <Tooltip formatter={fmt} />
            <Legend />
            <Line type="monotone" dataKey="value" name={t('indicators.space.value')} stroke="#1d4ed8" strokeWidth={2} connectNulls={false}
              isAnimationActive={false} />
            {reference ? (
              <Line type="monotone" dataKey="reference" name={reference.name} stroke="#6b7280" strokeDasharray="5 4"
                isAnimationActive={false} />
            ) : null}
            {baseline ? (
              <ReferenceLine y={baseline.value} stroke="#b45309" strokeDasharray="2 2"
                label={{ value: `${t('indicators.space.baseline')} ${baseline.period}`, position: 'insideBottomLeft', fill: '#7c2d12' }} />
            ) : null}
            {target ? (
              <ReferenceLine y={target.value} stroke="#15803d"
                label={{ value: `${t('indicators.space.target')} ${target.period}`, position: 'insideTopRight', fill: '#14532d' }} />
            ) : null}
          </LineChart>
        </ResponsiveContainer>
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

