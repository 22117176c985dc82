import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { IndicatorDirection, ObservationStatus, SpaceLevel, type IndicatorValue, type MapSpace } from '@/api'
import { axeViolations } from '@/testing/axe'
import { renderWithProviders } from '@/testing/render'
import { RankingTable } from './components/ranking-table'
import { rankingRows } from './ranking'

const v = (period: string, value: number): IndicatorValue =>
  ({ period, value, status: ObservationStatus.Final, aggregated: false, count: 1, suppressed: false })
const withheld = (period: string): IndicatorValue =>
  ({ period, status: ObservationStatus.Final, aggregated: false, count: 1, suppressed: true })
const s = (id: string, name: string, parentId: string | undefined, values: IndicatorValue[], extra: Partial<MapSpace> = {}): MapSpace =>
  ({ id, code: id, name, level: parentId ? SpaceLevel.District : SpaceLevel.County, parentId, validFrom: '2000-01-01', values, ...extra })

const periods = ['2022', '2023', '2024']
const spaces: MapSpace[] = [
  s('b', 'Bezirk', undefined, [v('2024', 40)]),
  s('m', 'Marzahn', 'b', [v('2022', 50), v('2023', 48), v('2024', 45)]),
  s('h', 'Hellersdorf', 'b', [v('2022', 40), v('2023', 41), v('2024', 42)]),
  s('k', 'Kaulsdorf', 'b', [v('2022', 20), withheld('2024')]),
  s('x', 'Biesdorf', 'b', []),
  s('old', 'Alt (bis 2020)', 'b', [v('2022', 10)], { validTo: '2020-12-31' }),
  s('m1', 'Marzahn Nord', 'm', [v('2022', 60), v('2023', 58)], { level: SpaceLevel.Neighbourhood }),
]
const goals = [{ indicatorId: 'i', spaceId: 'm', baseline: { period: '2021', value: 52 }, targets: [{ period: '2026', value: 44 }] },
  { indicatorId: 'i', spaceId: 'h', baseline: { period: '2021', value: 39 }, targets: [{ period: '2026', value: 35 }] }]

describe('ranking', () => {
  it('ranks the children that exist in the last period, best first by the indicator direction, withheld and missing last', () => {
    const rows = rankingRows({ spaces, periods, under: 'b', goals, direction: IndicatorDirection.LowerIsBetter })
    expect(rows.map((r) => r.name)).toEqual(['Hellersdorf', 'Marzahn', 'Biesdorf', 'Kaulsdorf'])
    const marzahn = rows[1]
    expect(marzahn.latest).toEqual({ period: '2024', value: 45 })
    expect(marzahn.change).toEqual({ from: '2021', value: -7 })
    expect(marzahn.target).toEqual({ period: '2026', value: 44, state: 'onTrack' })
    expect(rows[0].target?.state).toBe('offTrack')
    expect(rows[3].latest).toEqual({ period: '2024', value: 'suppressed' })
    expect(marzahn.trend).toEqual([50, 48, 45])
    const higher = rankingRows({ spaces, periods, under: 'b', goals, direction: IndicatorDirection.HigherIsBetter })
    expect(higher.map((r) => r.name).slice(0, 2)).toEqual(['Marzahn', 'Hellersdorf'])
  })

  it('ranks every space of a chosen level below the area, with its own latest period', () => {
    const rows = rankingRows({ spaces, periods, under: 'b', level: SpaceLevel.Neighbourhood, goals: [],
      direction: IndicatorDirection.LowerIsBetter })
    expect(rows.map((r) => [r.name, r.latest?.period])).toEqual([['Marzahn Nord', '2023']])
    expect(rows[0].change).toEqual({ from: '2022', value: -2 })
  })

  it('shows rank, a link to each space, the latest value, the change, the target state and the trend', async () => {
    document.title = 'Start'
    const rows = rankingRows({ spaces, periods, under: 'b', goals, direction: IndicatorDirection.LowerIsBetter })
    renderWithProviders(<main><RankingTable rows={rows} periods={periods} caption="Rangfolge nach SGB-II-Quote, Bezirk"
      indicator={{ name: 'SGB-II-Quote', decimals: 1, unit: '%' }} /></main>)
    const table = screen.getByRole('table', { name: 'Rangfolge nach SGB-II-Quote, Bezirk' })
    const marzahn = within(table).getByRole('row', { name: /Marzahn/ })
    expect(within(marzahn).getByRole('link', { name: 'Marzahn' })).toHaveAttribute('href', '/spaces/m')
    expect(within(marzahn).getAllByRole('cell').map((c) => c.textContent)).toEqual(
      ['2', '45,0\u00a0%', '−7,0 seit 2021', 'auf Kurs 44,0 bis 2026', ''])
    expect(within(marzahn).getByRole('img', { name: 'Verlauf 2022 bis 2024: von 50,0 auf 45,0' })).toBeInTheDocument()
    const kaulsdorf = within(table).getByRole('row', { name: /Kaulsdorf/ })
    expect(within(kaulsdorf).getAllByRole('cell')[0]).toHaveTextContent('–')
    expect(kaulsdorf).toHaveTextContent('gesperrt (kleine Fallzahl)')
    expect(within(table).getByRole('row', { name: /Biesdorf/ })).toHaveTextContent('kein Wert')
    expect(await axeViolations()).toEqual([])
  })
})
