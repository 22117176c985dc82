import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useSpace } from '@/components/pickers/spaces'
import { Loading } from '@/components/ui/feedback'
import { SelectField, TextField } from '@/components/ui/field'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { Table } from '@/components/ui/table'
import { useCountIndicators, useCoverageMatrix } from '../api/coverage'
import { formatFigure } from '../coverage-format'

/**
 * A space's coverage per category (places per 1,000 of a population indicator) against the median of the spaces on its
 * level in its parent region, from the gap matrix.
 */
export function SpaceCoverage({ spaceId, headingId }: { spaceId: string; headingId: string }) {
  const { t, i18n } = useTranslation()
  const space = useSpace(spaceId)
  const indicators = useCountIndicators()
  const [chosenIndicator, setIndicator] = useState('')
  const [period, setPeriod] = useState(() => String(new Date().getFullYear() - 1))
  const indicatorId = chosenIndicator || indicators.data?.[0]?.id || ''
  const s = space.data
  const matrix = useCoverageMatrix(s && indicatorId && /^\d{4}/.test(period) ? {
    populationIndicatorId: indicatorId, period: period.trim(), level: s.level, under: s.parentId ?? s.id, radiusKm: 5,
  } : undefined)
  const row = matrix.data?.rows.find((r) => r.spaceId === spaceId)
  const fmt = (v: number | null | undefined) => formatFigure(v, 1, i18n.language)
  return (
    <>
      <div className="section-header">
        <h2 id={headingId}>{t('inventory.coverage.spaceTitle')}</h2>
        <Link to="/inventory/coverage">{t('inventory.coverage.title')}</Link>
      </div>
      <p className="muted">{t('inventory.coverage.spaceIntro')}</p>
      {indicators.isPending ? <Loading /> : (indicators.data ?? []).length === 0 ? (
        <p>{t('inventory.coverage.noPopulation')}</p>
      ) : (
        <div className="coverage-controls">
          <SelectField label={t('inventory.coverage.population')} value={indicatorId} onChange={(e) => setIndicator(e.target.value)}>
            {(indicators.data ?? []).map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
          </SelectField>
          <TextField label={t('inventory.coverage.period')} hint={t('inventory.coverage.periodHint')} value={period}
            onChange={(e) => setPeriod(e.target.value)} />
        </div>
      )}
      {matrix.isError ? <ProblemAlert error={matrix.error} onRetry={() => void matrix.refetch()} />
        : matrix.data && row ? (
          <Table caption={t('inventory.coverage.spaceCaption')} hiddenCaption={false}
            columns={[t('inventory.coverage.category'), t('inventory.coverage.thisSpace'), t('inventory.coverage.regionMedian')]}>
            {matrix.data.categories.map((c, i) => {
              const value = row.cells[i]?.value
              const below = typeof value === 'number' && typeof c.median === 'number' && value < c.median
              return (
                <tr key={c.code}>
                  <th scope="row">{c.name}</th>
                  <td>{fmt(value)}{below ? ` (${t('inventory.coverage.belowMedian')})` : ''}</td>
                  <td>{fmt(c.median)}</td>
                </tr>
              )
            })}
          </Table>
        ) : matrix.fetchStatus === 'fetching' ? <Loading /> : null}
    </>
  )
}
