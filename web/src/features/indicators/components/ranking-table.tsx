import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Table } from '@/components/ui/table'
import { formatValue } from '../format-value'
import type { RankingRow } from '../ranking'
import { ValueText } from './value-text'

export interface RankedIndicator {
  name: string
  decimals: number
  unit?: string
}

/** A small line of the values over the window; gaps where a value is missing. Described in words for screen readers. */
export function Sparkline({ values, label }: { values: (number | undefined)[]; label: string }) {
  const numbers = values.filter((v): v is number => v !== undefined)
  if (numbers.length < 2) return <span className="muted">–</span>
  const [min, max] = [Math.min(...numbers), Math.max(...numbers)]
  const w = 80, h = 20
  const x = (i: number) => (values.length === 1 ? w / 2 : (i / (values.length - 1)) * (w - 4) + 2)
  const y = (v: number) => (max === min ? h / 2 : h - 2 - ((v - min) / (max - min)) * (h - 4))
  const segments: string[] = []
  let current = ''
  values.forEach((v, i) => {
    if (v === undefined) { if (current) segments.push(current); current = ''; return }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`
  })
  if (current) segments.push(current)
  const lastIndex = values.map((v, i) => (v === undefined ? -1 : i)).filter((i) => i >= 0).pop()!
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label} className="sparkline">
      <path d={segments.join('')} fill="none" stroke="#08519c" strokeWidth="1.5" />
      <circle cx={x(lastIndex)} cy={y(values[lastIndex]!)} r="2" fill="#08519c" />
    </svg>
  )
}

/** The ranking of spaces by one indicator: rank, space (opens it), latest value, change since the baseline, target, trend. */
export function RankingTable({ rows, indicator, periods, caption }: {
  rows: RankingRow[]
  indicator: RankedIndicator
  periods: string[]
  caption: string
}) {
  const { t, i18n } = useTranslation()
  const fmt = (v: number) => formatValue(v, indicator.decimals, i18n.language)
  const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${fmt(Math.abs(v))}`
  let rank = 0
  return (
    <Table caption={caption} hiddenCaption={false} className="table--compact ranking-table"
      columns={[{ label: t('indicators.ranking.rank'), className: 'num' }, t('indicators.ranking.space'),
        { label: t('indicators.ranking.latest'), className: 'num' }, { label: t('indicators.ranking.change'), className: 'num' },
        t('indicators.ranking.target'), t('indicators.ranking.trend')]}>
      {rows.map((r) => {
        const ranked = typeof r.latest?.value === 'number'
        if (ranked) rank++
        const numbers = r.trend.filter((v): v is number => v !== undefined)
        return (
          <tr key={r.spaceId}>
            <td className="num">{ranked ? rank : '–'}</td>
            <th scope="row"><Link to={`/spaces/${r.spaceId}`}>{r.name}</Link></th>
            <td className="num">
              {r.latest === undefined ? <span className="muted">{t('indicators.map.noValue')}</span> : (
                <>
                  <ValueText value={r.latest.value === 'suppressed' ? undefined : r.latest.value}
                    suppressed={r.latest.value === 'suppressed'}
                    decimals={indicator.decimals} unit={indicator.unit} />
                  {r.latest.period !== periods[periods.length - 1] ? <span className="muted small"> ({r.latest.period})</span> : null}
                </>
              )}
            </td>
            <td className="num">{r.change ? <>{signed(r.change.value)} <span className="muted small">
              {t('indicators.ranking.since', { period: r.change.from })}</span></> : <span className="muted">–</span>}</td>
            <td>{r.target ? (
              <span className={`target target--${r.target.state}`}>
                {t(`indicators.ranking.state.${r.target.state}`)}{' '}
                <span className="muted small">{t('indicators.ranking.targetValue', { value: fmt(r.target.value),
                  period: r.target.period })}</span>
              </span>
            ) : <span className="muted">{t('indicators.ranking.noTarget')}</span>}</td>
            <td><Sparkline values={r.trend} label={numbers.length < 2 ? '' : t('indicators.ranking.trendLabel', {
              from: periods[r.trend.findIndex((v) => v !== undefined)],
                to: periods[r.trend.length - 1 - [...r.trend].reverse().findIndex((v) => v !== undefined)],
              first: fmt(numbers[0]), last: fmt(numbers[numbers.length - 1]) })} /></td>
          </tr>
        )
      })}
    </Table>
  )
}
