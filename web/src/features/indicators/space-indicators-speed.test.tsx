import { act, screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import type { RouteObject } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AggregationRule, IndicatorDirection, IndicatorKind, type IndicatorDto, type IndicatorValue } from '@/api'
import { createAppQueryClient, createQueryClient } from '@/lib/query-client'
import { queryKeys } from '@/lib/query-keys'
import { spaceTree } from '@/testing/fixtures'
import { renderApp, renderWithProviders } from '@/testing/render'
import { page, requests, server } from '@/testing/server'
import { niceTicks } from './chart-scale'
import { IndicatorChart } from './components/indicator-chart'
import { indicatorRoutes } from './routes'
import { prefetchSpaceIndicators } from './routes/space-indicators-prefetch'

// What keeps a space's indicators page fast on a phone (Lighthouse, issue 14): the series drawn as plain SVG, only the
// charts near the viewport asked for and drawn, and the page's first reads started together by its route's loader.

const stamp = { version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }

function indicator(n: number): IndicatorDto {
  return {
    id: `i-${n}`, code: `IND-${n}`, name: `Indikator ${n}`, kind: IndicatorKind.Rate, unit: '%', decimals: 1,
    direction: IndicatorDirection.LowerIsBetter, aggregation: AggregationRule.Rate, rateFactor: 100, isProportion: true,
    scaleLabels: [], ...stamp,
  }
}

const value = (period: string, v: number | undefined, suppressed = false): IndicatorValue =>
  ({ period, value: v, suppressed, aggregated: false, count: 1 })

/** What the page reads; `wrap` may hold the answers to its four first reads. */
function pageApi(indicators: IndicatorDto[], wrap: (answer: () => Response) => Response | Promise<Response> = (a) => a()) {
  return [
    http.get('/api/v1/spaces/tree', () => wrap(() => HttpResponse.json(spaceTree))),
    http.get('/api/v1/spaces/s-nord', () => wrap(() => HttpResponse.json({
      id: 's-nord', code: '09162-N', name: 'Nord', level: 'district', parentId: 's-city', parentName: 'München',
      validFrom: '2020-01-01', predecessorIds: [], childCount: 0, ...stamp }))),
    http.get('/api/v1/indicators', () => wrap(() => page(indicators))),
    http.get('/api/v1/indicator-sets', () => wrap(() => page([]))),
    http.get('/api/v1/indicators/:id/series', ({ params, request }) => HttpResponse.json({
      indicatorId: params.id, spaceId: new URL(request.url).searchParams.get('spaceId'), spaceCode: 'x', spaceName: 'x',
      items: [value('2023', 12.5), value('2024', 11.2)] })),
  ]
}

const seriesAsked = () => requests.filter((r) => r.url.pathname.endsWith('/series'))
  .map((r) => `${r.url.pathname.split('/')[4]}@${r.url.searchParams.get('spaceId')}`)

describe('space indicator chart (plain SVG)', () => {
  it('draws the value line with a gap for a withheld value, the reference, baseline and target, with German numbers', async () => {
    const { container } = renderWithProviders(
      <IndicatorChart
        indicator={{ id: 'i-1', name: 'SGB-II-Quote', unit: '%', decimals: 1 }}
        observations={[value('2021', 12), value('2022', 13.5), value('2023', undefined, true), value('2024', 11), value('2025', 10.5)]}
        reference={{ name: 'München', observations: [value('2021', 9), value('2025', 9.5)] }}
        baseline={{ period: '2020', value: 14 }}
        target={{ period: '2030', value: 8.5 }}
      />,
    )
    const figure = await screen.findByRole('img', { name: 'Zeitreihe SGB-II-Quote' })
    // two runs of the value line: 2021–2022 and 2024–2025, nothing drawn for the withheld 2023
    const own = container.querySelector('path.chart__own')!.getAttribute('d')!
    expect(own.match(/M/g)).toHaveLength(2)
    expect(own.match(/L/g)).toHaveLength(2)
    expect(container.querySelector('path.chart__reference')!.getAttribute('d')!.match(/M/g)).toHaveLength(2)
    expect(figure).toHaveTextContent('Baseline 2020')
    expect(figure).toHaveTextContent('Ziel 2030')
    // the y axis from zero to past the baseline (14), labelled with the indicator's decimals and a decimal comma
    const ticks = [...container.querySelectorAll('.chart__axis text')].map((t) => t.textContent)
    expect(ticks).toContain('0,0')
    expect(ticks.some((t) => t === '14,0' || t === '15,0' || t === '16,0')).toBe(true)
    expect(ticks).toEqual(expect.arrayContaining(['2021', '2025']))
    // hovering a period names its values, as the table does
    expect([...container.querySelectorAll('rect title')].map((t) => t.textContent)).toContain('2025\nWert: 10,5\nMünchen: 9,5')
    expect(figure).toHaveTextContent('Wert')
    expect(figure).toHaveTextContent('München')
  })

  it('picks ticks the indicator can show: whole numbers step by whole numbers, the range covered from zero', () => {
    expect(niceTicks(0, 7, 0)).toEqual([0, 2, 4, 6, 8])
    expect(niceTicks(0, 13.7, 1)).toEqual([0, 5, 10, 15])
    // 0.25 would show as "0,3": one decimal steps by 0.5
    expect(niceTicks(0, 1, 1)).toEqual([0, 0.5, 1])
    for (const [lo, hi, decimals] of [[0, 3, 0], [0, 2.5, 0], [0, 0.7, 1], [-4, 9, 0], [0, 283_000, 0]] as const) {
      const ticks = niceTicks(lo, hi, decimals)
      expect(ticks[0]).toBeLessThanOrEqual(lo)
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(hi)
      expect(ticks.every((v) => Number(v.toFixed(decimals)) === v)).toBe(true)
      expect(new Set(ticks).size).toBe(ticks.length)
    }
  })
})

describe('space indicators page loads what is near the viewport', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('asks for the series of a chart only when its card comes near the viewport', async () => {
    const observers: { callback: IntersectionObserverCallback; elements: Element[] }[] = []
    vi.stubGlobal('IntersectionObserver', class {
      elements: Element[] = []
      constructor(public callback: IntersectionObserverCallback) { observers.push(this) }
      observe(el: Element) { this.elements.push(el) }
      disconnect() { this.elements = [] }
      unobserve() {}
      takeRecords() { return [] }
    })
    const near = (heading: string) => {
      const card = screen.getByRole('heading', { name: `${heading} (%)` }).closest('section')!
      const observer = observers.find((o) => o.elements.includes(card))!
      act(() => observer.callback([{ isIntersecting: true, target: card } as unknown as IntersectionObserverEntry],
        observer as unknown as IntersectionObserver))
    }
    server.use(...pageApi([indicator(1), indicator(2), indicator(3)]))
    renderApp({ route: '/spaces/s-nord/indicators' })
    await screen.findByRole('heading', { name: 'Indikator 3 (%)' })
    expect(seriesAsked()).toEqual([])
    near('Indikator 1')
    // the chart's own values and those of the reference (the parent, München)
    await screen.findByRole('img', { name: 'Zeitreihe Indikator 1' })
    await waitFor(() => expect(seriesAsked().sort()).toEqual(['i-1@s-city', 'i-1@s-nord']))
    expect(screen.queryByRole('img', { name: 'Zeitreihe Indikator 2' })).toBeNull()
    near('Indikator 3')
    await screen.findByRole('img', { name: 'Zeitreihe Indikator 3' })
    expect(seriesAsked().filter((s) => s.startsWith('i-2'))).toEqual([])
  })

  it('the route loader starts the page\'s four first reads at once, before the page or the session answered', async () => {
    // Each answer waits until all four requests have arrived: one after the other, they would never all arrive.
    let arrived = 0
    const together: boolean[] = []
    let release: () => void = () => undefined
    const all = new Promise<void>((resolve) => { release = resolve })
    const hold = async (answer: () => Response) => {
      if (++arrived === 4) release()
      together.push(await Promise.race([all.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 3000))]))
      return answer()
    }
    server.use(...pageApi([indicator(1)], hold))
    const client = createQueryClient()
    await prefetchSpaceIndicators(client, 's-nord')
    expect(together).toEqual([true, true, true, true])
    expect(client.getQueryData(queryKeys.spaces.detail('s-nord'))).toMatchObject({ name: 'Nord' })

    // and the app's route table does it for this page, into the app's client, without waiting for the page's code
    const appClient = createAppQueryClient()
    requests.length = 0
    server.use(...pageApi([indicator(1)]))
    const route = findRoute(indicatorRoutes, 'spaces/:id/indicators')
    expect(typeof route?.loader).toBe('function')
    const loader = route!.loader as (args: { params: Record<string, string> }) => unknown
    expect(loader({ params: { id: 's-nord' } })).toBeNull()
    await waitFor(() => expect(requests.map((r) => r.url.pathname).sort()).toEqual(
      ['/api/v1/indicator-sets', '/api/v1/indicators', '/api/v1/spaces/s-nord', '/api/v1/spaces/tree']))
    await waitFor(() => expect(appClient.getQueryData(queryKeys.spaces.tree())).toEqual(spaceTree))
  })
})

function findRoute(list: RouteObject[], path: string): RouteObject | undefined {
  for (const r of list) {
    if (r.path === path) return r
    const inner = r.children ? findRoute(r.children, path) : undefined
    if (inner) return inner
  }
  return undefined
}
