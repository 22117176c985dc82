import { fireEvent, screen, within } from '@testing-library/react'
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
import { IndicatorMap } from './components/indicator-map'
import { changeClasses, classify, DIVERGING, fitProjection, leafSpaces, levelClasses, PALETTE, spacesInPeriod } from './map-geometry'
import { placeLabels } from '@/lib/map-projection'

const square = (x: number, y: number) =>
  ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] })
const value = (period: string, v: number): IndicatorValue =>
  ({ period, value: v, status: ObservationStatus.Final, aggregated: false, count: 1, suppressed: false })
const withheld = (period: string): IndicatorValue =>
  ({ period, status: ObservationStatus.Final, aggregated: false, count: 1, suppressed: true })
const space = (id: string, name: string, parentId: string | undefined, geometry: unknown, values: IndicatorValue[]): MapSpace =>
  ({ id, code: id.toUpperCase(), name, level: parentId ? SpaceLevel.District : SpaceLevel.Municipality, parentId, validFrom: '2000-01-01',
      geometry, values })
const spaces: MapSpace[] = [
  space('s', 'Stadt', undefined, square(11.5, 48.1), [value('2023', 10), value('2024', 9)]),
  space('n', 'Nord', 's', square(11.5, 48.1), [value('2023', 12.5), value('2024', 11)]),
  space('o', 'Ost', 's', square(11.51, 48.1), [value('2023', 8), withheld('2024')]),
  space('w', 'West', 's', square(11.52, 48.1), []),
]
const indicator = { name: 'SGB-II-Quote', decimals: 1, unit: '%' }

describe('map', () => {
  it('draws the areas of the period with names, hatching for withheld and missing values, a legend with its method and a table',
    async () => {
    document.title = 'Karte'
    renderWithProviders(<main><IndicatorMap spaces={spaces} parentId="s" indicator={indicator} periods={['2023', '2024']} /></main>)
    const map = screen.getByRole('group', { name: /Karte SGB-II-Quote, 2024/ })
    const areas = within(map).getAllByRole('link')
    expect(areas.map((a) => a.getAttribute('aria-label'))).toEqual(
      ['Nord: 11,0', 'Ost: gesperrt (kleine Fallzahl)', 'West: kein Wert'])
    expect(areas[0].getAttribute('href')).toBe('/spaces/n')
    // withheld: hatched; missing: dotted; each with its reason in the legend
    const fills = areas.map((a) => a.querySelector('path')!.getAttribute('fill'))
    expect(fills[0]).toMatch(/^#/)
    expect(fills[1]).toMatch(/withheld/)
    expect(fills[2]).toMatch(/missing/)
    expect(screen.getByText('schraffiert: gesperrt (kleine Fallzahl, Datenschutz)')).toBeInTheDocument()
    expect(screen.getByText('gepunktet: kein Wert gemeldet')).toBeInTheDocument()
    expect(screen.getByText(/Klassen: gleiche Intervalle \(5 Klassen\) über alle Zeiträume/)).toBeInTheDocument()
    // names on the areas (three small squares side by side: all fit or move aside)
    expect([...map.querySelectorAll('text')].map((t) => t.textContent).sort()).toEqual(['Nord', 'Ost', 'West'])
    const table = screen.getByRole('table', { name: /Werte je Sozialraum/ })
    const nord = within(table).getByRole('row', { name: /Nord/ })
    expect(within(nord).getAllByRole('cell').map((c) => c.textContent)).toEqual(['11,0\u00a0%', '−1,5'])
    expect(within(table).getByRole('row', { name: /Ost/ })).toHaveTextContent('gesperrt (kleine Fallzahl)')
    expect(within(table).queryByRole('row', { name: /Stadt/ })).not.toBeInTheDocument()
    expect(await axeViolations()).toEqual([])
  })

  it('moves through the periods with the slider and shows the change in diverging classes', async () => {
    renderWithProviders(<main><IndicatorMap spaces={spaces} parentId="s" indicator={indicator} periods={['2023', '2024']} /></main>)
    const user = userEvent.setup()
    const slider = screen.getByRole('slider', { name: /Zeitraum/ })
    expect(slider).toHaveAttribute('aria-valuetext', '2024')
    fireEvent.change(slider, { target: { value: '0' } })
    expect(screen.getByRole('group', { name: /Karte SGB-II-Quote, 2023/ })).toBeInTheDocument()
    expect(within(screen.getByRole('group', { name: /2023/ })).getAllByRole('link')[1]).toHaveAccessibleName('Ost: 8,0')
    fireEvent.change(slider, { target: { value: '1' } })
    await user.selectOptions(screen.getByLabelText('Darstellung'), 'change')
    const map = screen.getByRole('group', { name: /Veränderung 2023 bis 2024/ })
    expect(within(map).getAllByRole('link')[0]).toHaveAccessibleName('Nord: −1,5')
    expect(within(map).getAllByRole('link')[0].querySelector('path')!.getAttribute('fill')).toBe(DIVERGING[0])
    expect(screen.getByText(/symmetrisch um „keine Veränderung“ seit 2023/)).toBeInTheDocument()
  })

  it('classifies levels in equal intervals and change symmetrically around zero', () => {
    const levels = levelClasses([10, 20, 30, 40, 60])
    expect(levels.method).toBe('equalInterval')
    expect(levels.bounds).toEqual([10, 20, 30, 40, 50, 60])
    expect(levels.colors).toEqual(PALETTE)
    expect(levels.colorOf(10)).toBe(PALETTE[0])
    expect(levels.colorOf(55)).toBe(PALETTE[4])
    const change = changeClasses([-4, 1, 2])
    expect(change.bounds.map((b) => Math.round(b * 10) / 10)).toEqual([-4, -2.4, -0.8, 0.8, 2.4, 4])
    expect(change.colorOf(-4)).toBe(DIVERGING[0])
    expect(change.colorOf(0.5)).toBe(DIVERGING[2])
    expect(change.colorOf(4)).toBe(DIVERGING[4])
    expect(changeClasses([0, 0]).colors).toEqual([DIVERGING[2]])
  })

  it('places labels without overlap and leaves out what does not fit', () => {
    const placed = placeLabels([
      { id: 'a', text: 'Marzahn', x: 50, y: 50, area: 100 },
      { id: 'b', text: 'Biesdorf', x: 52, y: 51, area: 50 },
      { id: 'c', text: 'Kaulsdorf', x: 51, y: 50, area: 10 },
      { id: 'd', text: 'Mahlsdorf', x: 51, y: 49, area: 5 },
      { id: 'e', text: 'Hellersdorf', x: 50, y: 50, area: 1 },
      { id: 'f', text: 'Rand', x: 1, y: 1, area: 1000 },
    ], 9, { width: 100, height: 100 })
    expect(placed[0].id).toBe('a')
    expect(placed.map((p) => p.id)).not.toContain('f')
    for (const p of placed) for (const q of placed) if (p !== q) {
      const apart = Math.abs(p.x - q.x) * 2 >= p.width + q.width - 1e-9 || Math.abs(p.y - q.y) * 2 >= p.height + q.height - 1e-9
      expect(apart).toBe(true)
    }
    expect(placed.length).toBeLessThan(5)
  })

  it('draws the spaces of each period: the old grid before its end, its successors after', () => {
    const grid: MapSpace[] = [
      { ...space('b', 'Bezirk', undefined, square(13.5, 52.5), []), validFrom: '2001-01-01' },
      { ...space('old', 'Alt', 'b', square(13.5, 52.5), []), validFrom: '2006-01-01', validTo: '2020-12-31' },
      { ...space('old1', 'Alt 1', 'old', square(13.5, 52.5), []), validFrom: '2006-01-01', validTo: '2020-12-31' },
      { ...space('new', 'Neu', 'b', square(13.5, 52.5), []), validFrom: '2021-01-01' },
    ]
    expect(spacesInPeriod(grid, '2019', 'finest', 'b').map((s) => s.id)).toEqual(['old1'])
    expect(spacesInPeriod(grid, '2022', 'finest', 'b').map((s) => s.id)).toEqual(['new'])
    expect(spacesInPeriod(grid, '2019', 'children', 'b').map((s) => s.id)).toEqual(['old'])
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
    await user.clear(screen.getByLabelText('Von Zeitraum (Basis)'))
    await user.type(screen.getByLabelText('Von Zeitraum (Basis)'), '2024')
    await user.clear(screen.getByLabelText('Bis Zeitraum'))
    await user.type(screen.getByLabelText('Bis Zeitraum'), '2023')
    await user.click(screen.getByRole('button', { name: 'Karte anzeigen' }))
    expect(await screen.findByRole('group', { name: /Karte SGB-II-Quote, 2024/ })).toBeInTheDocument()
    const req = requests.find((r) => r.url.pathname === '/api/v1/indicators/i-1/map')!
    expect(req.url.searchParams.getAll('periods')).toEqual(['2023', '2024'])
    expect(req.url.searchParams.get('under')).toBe(under.options[1].value)
    expect([...req.url.searchParams.keys()].sort()).toEqual(['periods', 'periods', 'under'])
    expect(requests.some((r) => r.url.pathname.startsWith('/api/v1/exports'))).toBe(false)
    expect(unhandled).toEqual([])
  })
})
