import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { AggregationRule, IndicatorDirection, IndicatorKind, type IndicatorDto } from '@/api'
import { axeViolations } from '@/testing/axe'
import { spaceTree } from '@/testing/fixtures'
import { renderApp, renderWithProviders } from '@/testing/render'
import { page, requests, server } from '@/testing/server'
import type { ExportFeature } from './api/indicators'
import { MapComparison } from './components/choropleth'
import { classify, fitProjection, leafFeatures } from './map-geometry'

const square = (x: number, y: number) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] })
const features: ExportFeature[] = [
  { type: 'Feature', geometry: square(11.5, 48.1), properties: { code: 'S', name: 'Stadt', parentCode: null, SGB2_2023: 10, SGB2_2024: 9, suppressed: [] } },
  { type: 'Feature', geometry: square(11.5, 48.1), properties: { code: 'N', name: 'Nord', parentCode: 'S', SGB2_2023: 12.5, SGB2_2024: 11, suppressed: [] } },
  { type: 'Feature', geometry: square(11.51, 48.1), properties: { code: 'O', name: 'Ost', parentCode: 'S', SGB2_2023: 8, SGB2_2024: null, suppressed: ['SGB2_2024'] } },
  { type: 'Feature', geometry: square(11.52, 48.1), properties: { code: 'W', name: 'West', parentCode: 'S', suppressed: [] } },
]
const indicator = { code: 'SGB2', name: 'SGB-II-Quote', decimals: 1, unit: '%' }

describe('map', () => {
  it('draws one path per (leaf) feature in each map and a table alternative', async () => {
    document.title = 'Karte'
    renderWithProviders(<main><MapComparison features={features} indicator={indicator} periodA="2023" periodB="2024" /></main>)
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
    const deeper: ExportFeature = { type: 'Feature', geometry: square(11.5, 48.1), properties: { code: 'N1', name: 'Nord 1', parentCode: 'N', suppressed: [] } }
    expect(leafFeatures([...features, deeper], 'S').map((f) => f.properties.code)).toEqual(['N', 'O', 'W'])
    expect(leafFeatures([...features, deeper]).map((f) => f.properties.code)).toEqual(['O', 'W', 'N1'])
  })

  it('fetches the GeoJSON export for the chosen indicator, area and periods', async () => {
    const ind: IndicatorDto = { id: 'i-1', code: 'SGB2', name: 'SGB-II-Quote', kind: IndicatorKind.Rate, unit: '%', decimals: 1,
      direction: IndicatorDirection.LowerIsBetter, aggregation: AggregationRule.Rate, isProportion: true, scaleLabels: [],
      version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }
    server.use(
      http.get('/api/v1/indicators', () => page([ind])),
      http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
      http.get('/api/v1/exports/indicators', () => HttpResponse.json({ type: 'FeatureCollection', features })),
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
    const req = requests.find((r) => r.url.pathname === '/api/v1/exports/indicators')!
    expect(Object.fromEntries(req.url.searchParams)).toEqual({ format: 'geojson', indicatorIds: 'i-1', under: under.options[1].value, from: '2023', to: '2024' })
  })
})
