import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { AggregationRule, CapacityUnit, CoverageMeasure, DistanceDecay, IndicatorDirection, IndicatorKind, SpaceLevel,
  type CoverageSpaceDto, type IndicatorDto, type ServiceCoverageDto } from '@/api'
import { axeViolations } from '@/testing/axe'
import { spaceTree } from '@/testing/fixtures'
import { renderApp } from '@/testing/render'
import { requests, server } from '@/testing/server'
import { categoryTerms, targetGroupTerms, taxonomies } from './inventory-fixtures'

const population: IndicatorDto = {
  id: 'i-ew6', code: 'EW6', name: 'Einwohner unter 6 Jahren', kind: IndicatorKind.Count, decimals: 0, aggregation: AggregationRule.Sum,
  direction: IndicatorDirection.Neutral, isProportion: false, scaleLabels: [], version: 1, createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
}

const square = (lon: number) => ({ type: 'Polygon', coordinates: [[[lon, 0], [lon + 0.01, 0], [lon + 0.01, 0.01], [lon, 0.01], [lon, 0]]] })

function space(id: string, name: string, lon: number, perThousand: number, whatIf?: number): CoverageSpaceDto {
  const figures = { services: 1, capacity: perThousand, population: 1000, perThousand, distanceKm: 0.5, shareWithinRadius: 1,
    accessibility: perThousand }
  return {
    id, code: id, name, level: SpaceLevel.District, parentId: 's-city', populationWeightedCentroid: false, geometry: square(lon),
    figures, whatIf: whatIf === undefined ? undefined : { ...figures, perThousand: whatIf },
    difference: whatIf === undefined ? undefined : { services: -1, capacity: whatIf - perThousand, perThousand: whatIf - perThousand },
  }
}

function coverage(whatIf: boolean): ServiceCoverageDto {
  return {
    parameters: { populationIndicatorId: 'i-ew6', period: '2024', level: SpaceLevel.District, radiusKm: 5, decay: DistanceDecay.None,
      capacityUnit: CapacityUnit.Places, on: '2026-12-04' },
    spaces: [space('s-nord', 'Nord', 0, 40, whatIf ? 25 : undefined), space('s-sued', 'Süd', 0.01, 12, whatIf ? 12 : undefined)],
    totals: [],
    points: [{ serviceId: 'svc-1', serviceName: 'Kita Sonnenschein', locationId: 'l-1', latitude: 0.005, longitude: 0.005, capacity: 40,
      closed: whatIf }],
    closedServices: whatIf ? [{ id: 'svc-1', name: 'Kita Sonnenschein' }] : [],
  }
}

describe('coverage page', () => {
  it('computes supply per 1,000 on a map with the gaps beside it, and the what-if difference when fundings end', async () => {
    server.use(
      http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
      http.get('/api/v1/taxonomies', () => HttpResponse.json(taxonomies)),
      http.get('/api/v1/taxonomies/tax-cat/terms', () => HttpResponse.json(categoryTerms)),
      http.get('/api/v1/taxonomies/tax-tg/terms', () => HttpResponse.json(targetGroupTerms)),
      http.get('/api/v1/indicators', () => HttpResponse.json({ items: [population], nextCursor: null })),
      http.get('/api/v1/coverage', ({ request }) => HttpResponse.json(coverage(new URL(request.url).searchParams.has('fundingEndsBy')))),
      http.post('/api/v1/coverage/indicators', () => HttpResponse.json({ period: '2024', indicators: [
        { measure: CoverageMeasure.PerThousand, indicatorId: 'i-cov', code: 'cov-per1000-abc', name: 'Flächendeckung Kita: Plätze',
          created: true, observations: 2 }] })),
      http.get('/api/v1/coverage/gaps', ({ request }) => {
        const whatIf = new URL(request.url).searchParams.has('fundingEndsBy')
        return HttpResponse.json({
          parameters: coverage(whatIf).parameters, measure: CoverageMeasure.PerThousand, threshold: 26,
          items: [{ rank: 1, spaceId: 's-sued', code: 's-sued', name: 'Süd', value: 12, population: 5000 },
            ...(whatIf
              ? [{ rank: 2, spaceId: 's-nord', code: 's-nord', name: 'Nord', value: 25, population: 1000, baselineValue: 40 }]
              : [])],
        })
      }),
    )
    const user = userEvent.setup()
    renderApp({ route: '/inventory/coverage' })
    expect(await screen.findByRole('heading', { level: 1, name: 'Flächendeckung' })).toBeInTheDocument()
    await screen.findByRole('option', { name: 'Einwohner unter 6 Jahren' })
    await user.selectOptions(screen.getByLabelText('Kategorie'), 'kita')
    await user.clear(screen.getByLabelText(/^Zeitraum/))
    await user.type(screen.getByLabelText(/^Zeitraum/), '2024')
    await user.click(screen.getByRole('button', { name: 'Berechnen' }))

    expect(await screen.findByRole('img', { name: 'Plätze je 1.000 Einwohner' })).toBeInTheDocument()
    const table = screen.getByRole('table', { name: 'Versorgung je Sozialraum' })
    expect(within(table).getByRole('rowheader', { name: 'Nord' }).closest('tr')).toHaveTextContent('40,0')
    // the gap threshold defaults to the median (26): Süd (12) is listed
    const gaps = screen.getByRole('region', { name: 'Lücken' })
    expect(within(gaps).getByRole('link', { name: 'Süd' })).toHaveAttribute('href', '/spaces/s-sued')
    // people counted as the table beside counts them: 5.000, not 5000
    expect(within(gaps).getByRole('listitem')).toHaveTextContent('Süd: 12,0 · 5.000 Personen')
    // a threshold is typed as German writes numbers; what is no number says so at the field
    await user.type(screen.getByLabelText(/^Schwelle für Lücken/), '1.5')
    expect(screen.getByLabelText(/^Schwelle für Lücken/)).toHaveAccessibleDescription(/Bitte eine Zahl wie 1.234 oder 12,5 eingeben/)
    await user.clear(screen.getByLabelText(/^Schwelle für Lücken/))
    const params = requests.find((r) => r.url.pathname === '/api/v1/coverage')!.url.searchParams
    expect(params.get('category')).toBe('kita')
    expect(params.get('populationIndicatorId')).toBe('i-ew6')
    expect(params.get('period')).toBe('2024')
    expect(screen.getByText('Bevölkerung und Versorgung im Zeitraum 2024.')).toBeInTheDocument()
    expect(params.get('radiusKm')).toBe('5')
    expect(params.has('fundingEndsBy')).toBe(false)
    expect(await axeViolations()).toEqual([])

    // an editor stores the figures as indicators
    await user.click(screen.getByRole('button', { name: 'Als Indikatoren speichern' }))
    expect(await screen.findByRole('link', { name: 'Flächendeckung Kita: Plätze' })).toHaveAttribute('href', '/indicators/i-cov')
    const body = requests.find((r) => r.method === 'POST' && r.url.pathname === '/api/v1/coverage/indicators')!.body as
      Record<string, unknown>
    expect(body).toMatchObject({ category: 'kita', populationIndicatorId: 'i-ew6', period: '2024', radiusKm: 5 })
    expect(body.measures).toHaveLength(4)

    // what if fundings end by the end of 2027
    await user.click(screen.getByRole('checkbox', { name: 'wenn Förderungen bis … enden' }))
    await user.type(screen.getByLabelText('Förderungen enden bis'), '2027-12-31')
    await user.click(screen.getByRole('button', { name: 'Berechnen' }))
    expect(await screen.findByText(/fällt 1 Angebot weg/)).toHaveTextContent('Kita Sonnenschein')
    const whatIfTable = screen.getByRole('table', { name: 'Versorgung je Sozialraum' })
    expect(within(whatIfTable).getByRole('columnheader', { name: 'Differenz (was wäre, wenn)' })).toBeInTheDocument()
    expect(within(whatIfTable).getByRole('rowheader', { name: 'Nord' }).closest('tr')).toHaveTextContent('−15,0')
    expect(await within(screen.getByRole('region', { name: 'Lücken' })).findByText(/vorher 40,0/)).toBeInTheDocument()
    const whatIfCall = requests.filter((r) => r.url.pathname === '/api/v1/coverage').at(-1)!
    expect(whatIfCall.url.searchParams.get('fundingEndsBy')).toBe('2027-12-31')
    // a what-if is not stored
    expect(screen.queryByRole('button', { name: 'Als Indikatoren speichern' })).not.toBeInTheDocument()
    expect(await axeViolations()).toEqual([])
  })
})
