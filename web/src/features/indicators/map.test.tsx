import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import {
  AggregationRule, IndicatorDirection, IndicatorKind, ObservationStatus, SpaceLevel, type IndicatorDto, type IndicatorValue, type MapSpace,
} from '@/api'
import { axeViolations } from '@/testing/axe'
import { spaceTree } from '@/testing/fixtures'
import { renderApp, renderWithProviders } from '@/testing/render'
import { page, requests, server, unhandled } from '@/testing/server'
import { MapComparison } from './components/choropleth'
import { classify, fitProjection, leafSpaces } from './map-geometry'

const square = (x: number, y: number) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] })
const value = (period: string, v: number): IndicatorValue => ({ period, value: v, status: ObservationStatus.Final, aggregated: false, count: 1, suppressed: false })
const withheld = (period: string): IndicatorValue => ({ period, status: ObservationStatus.Final, aggregated: false, count: 1, suppressed: true })
const space = (id: string, name: string, parentId: string | undefined, geometry: unknown, values: IndicatorValue[]): MapSpace =>
  ({ id, code: id.toUpperCase(), name, level: parentId ? SpaceLevel.District : SpaceLevel.Municipality, parentId, validFrom: '2000-01-01', geometry, values })
const spaces: MapSpace[] = [
  space('s', 'Stadt', undefined, square(11.5, 48.1), [value('2023', 10), value('2024', 9)]),
  space('n', 'Nord', 's', square(11.5, 48.1), [value('2023', 12.5), value('2024', 11)]),
  space('o', 'Ost', 's', square(11.51, 48.1), [value('2023', 8), withheld('2024')]),
  space('w', 'West', 's', square(11.52, 48.1), []),
]
const indicator = { name: 'SGB-II-Quote', decimals: 1, unit: '%' }

describe('map', () => {
  it('draws one path per (leaf) space in each map and a table alternative', async () => {
    document.title = 'Karte'
    renderWithProviders(<main><MapComparison spaces={spaces} indicator={indicator} periodA="2023" periodB="2024" /></main>)
    const maps = screen.getAllByRole('img')
    expect(maps.map((m) => m.getAttribute('aria-label'))).toEqual(['Karte SGB-II-Quote, 2023', 'Karte SGB-II-Quote, 2024'])
    for (const map of maps) expect(map.querySelectorAll('path')).toHaveLength(3)
    expect(screen.getByRole('heading', { name: 'Karte SGB-II-Quote, 2023' })).toBeInTheDocument()
    expect(screen.getByText('kein Wert oder gesperrt (kleine Fallzahl)')).toBeInTheDocument()
    const table = screen.getByRole('table', { name: /Werte je Sozialraum/ })
    const nord = within(table).getByRole('row', { name: /Nord/ })
    expect(within(nord).getAllByRole('cell').map((c) => c.textContent)).toEqual(['12,5\u00a0%', '11,0\u00a0%', '−1,5'])
    const ost = within(table).getByRole('row', { name: /Ost/ })
    expect(within(ost).getByText('gesperrt (kleine Fallzahl)')).toBeInTheDocument()
    expect(within(table).queryByRole('row', { name: /Stadt/ })).not.toBeInTheDocument()
    expect(await axeViolations()).toEqual([])
  })

  it('fits the projection into the viewBox and shares classes', () => {
    const p = fitProjection([[[0, 0], [2, 0], [2, 1], [0, 1]]], 200, 0)
    expect(p.project(0, 1)).toEqual([0, 0])
    expect(p.project(2, 0)[0]).toBeCloseTo(200)
    const c = classify([0, 10])
    expect(c.bounds).toEqual([0, 2, 4, 6, 8, 10])
    expect(c.colorOf(10)).toBe(c.colorOf(9))
  })

  it('draws the direct children of the chosen area', () => {
    const deeper = space('n1', 'Nord 1', 'n', square(11.5, 48.1), [])
    expect(leafSpaces([...spaces, deeper], 's').map((s) => s.code)).toEqual(['N', 'O', 'W'])
    expect(leafSpaces([...spaces, deeper]).map((s) => s.code)).toEqual(['O', 'W', 'N1'])
  })

  it('reads the map data of the chosen indicator, area and periods (GetIndicatorMap)', async () => {
    const ind: IndicatorDto = { id: 'i-1', code: 'SGB2', name: 'SGB-II-Quote', kind: IndicatorKind.Rate, unit: '%', decimals: 1,
      direction: IndicatorDirection.LowerIsBetter, aggregation: AggregationRule.Rate, isProportion: true, scaleLabels: [],
      version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }
    server.use(
      http.get('/api/v1/indicators', () => page([ind])),
      http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
      http.get('/api/v1/indicators/:id/map', () => HttpResponse.json({ indicatorId: 'i-1', periods: ['2023', '2024'], spaces })),
    )
    renderApp({ route: '/indicators/map' })
    const user = userEvent.setup()
    await user.selectOptions(await screen.findByLabelText('Indikator'), 'i-1')
    const under = screen.getByLabelText('Gebiet') as HTMLSelectElement
    await user.selectOptions(under, under.options[1].value)
    await user.clear(screen.getByLabelText('Zeitraum links'))
    await user.type(screen.getByLabelText('Zeitraum links'), '2024')
    await user.clear(screen.getByLabelText('Zeitraum rechts'))
    await user.type(screen.getByLabelText('Zeitraum rechts'), '2023')
    await user.click(screen.getByRole('button', { name: 'Karte anzeigen' }))
    expect(await screen.findByRole('img', { name: 'Karte SGB-II-Quote, 2024' })).toBeInTheDocument()
    const req = requests.find((r) => r.url.pathname === '/api/v1/indicators/i-1/map')!
    expect(req.url.searchParams.getAll('periods')).toEqual(['2024', '2023'])
    expect(req.url.searchParams.get('under')).toBe(under.options[1].value)
    expect([...req.url.searchParams.keys()].sort()).toEqual(['periods', 'periods', 'under'])
    expect(requests.some((r) => r.url.pathname.startsWith('/api/v1/exports'))).toBe(false)
    expect(unhandled).toEqual([])
  })
})
