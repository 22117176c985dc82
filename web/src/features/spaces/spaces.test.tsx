import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { SpaceLevel, type SpaceDto } from '@/api'
import { axeViolations } from '@/testing/axe'
import { spaceTree } from '@/testing/fixtures'
import { renderApp } from '@/testing/render'
import { page, requests, server, unhandled } from '@/testing/server'

const space = (o: Partial<SpaceDto>): SpaceDto => ({
  id: 'x',
  code: 'X',
  name: 'X',
  level: SpaceLevel.District,
  validFrom: '2020-01-01',
  predecessorIds: [],
  successorIds: [],
  childCount: 0,
  version: 1,
  createdAt: '2020-01-01T00:00:00Z',
  updatedAt: '2020-01-01T00:00:00Z',
  ...o,
})

describe('spaces', () => {
  it('shows the tree and opens a space with Enter', async () => {
    server.use(
      http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
      http.get('/api/v1/spaces/s-nord', () =>
        HttpResponse.json(
          space({ id: 's-nord', code: '09162-N', name: 'Nord', parentId: 's-city', parentName: 'München', population: 12345,
              predecessorIds: ['s-alt'], childCount: 1 }),
        ),
      ),
      http.get('/api/v1/spaces/s-alt', () =>
        HttpResponse.json(space({ id: 's-alt', code: 'ALT', name: 'Nord (alt)', validTo: '2019-12-31' }))),
      http.get('/api/v1/spaces', ({ request }) =>
        new URL(request.url).searchParams.get('parentId') === 's-nord'
          ? page([space({ id: 'q1', code: 'Q1', name: 'Quartier Am Hart', level: SpaceLevel.Neighbourhood })])
          : page([]),
      ),
      // the page also shows the space's facilities and services (inventory)
      http.get('/api/v1/locations', () => page([])),
      http.get('/api/v1/services', () => page([])),
      // and its coverage per category against the median of its region (inventory)
      http.get('/api/v1/indicators', () => HttpResponse.json({ nextCursor: null, items: [{ id: 'i-ew', code: 'EW', name: 'Einwohner',
        kind: 'count', decimals: 0, direction: 'neutral', aggregation: 'sum', isProportion: false, scaleLabels: [], version: 1,
        createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }] })),
      http.get('/api/v1/coverage/gap-matrix', ({ request }) => {
        matrixQuery = new URL(request.url).searchParams
        return HttpResponse.json({ measure: 'perThousand', categories: [
          { code: 'kita', name: 'Kita', median: 35.5, gaps: 0 }, { code: 'jugendclub', name: 'Jugendclub', median: 2, gaps: 0 }],
        rows: [{ spaceId: 's-nord', code: '09162-N', name: 'Nord', cells: [{ category: 'kita', value: 20.25, gap: false },
          { category: 'jugendclub', value: 4, gap: false }] }] })
      }),
      http.get('/api/v1/observations', () => page([])),
      http.get('/api/v1/actors', () => page([])),
      http.get('/api/v1/networks', () => page([])),
    )
    let matrixQuery: URLSearchParams | undefined
    const { router } = renderApp({ route: '/spaces' })
    const user = userEvent.setup()
    expect(await screen.findByRole('tree', { name: 'Gliederung der Sozialräume' })).toBeInTheDocument()
    expect(await axeViolations()).toEqual([])
    screen.getByRole('treeitem', { name: /^München/ }).focus()
    await user.keyboard('{ArrowDown}{Enter}')
    await waitFor(() => expect(router.state.location.pathname).toBe('/spaces/s-nord'))
    expect(await screen.findByRole('heading', { level: 1, name: 'Nord' })).toBeInTheDocument()
    expect(screen.getByText('09162-N')).toBeInTheDocument()
    expect(screen.getByText('Stadtteil')).toBeInTheDocument()
    expect(screen.getByText('12.345')).toBeInTheDocument()
    expect(screen.getByText('seit 01.01.2020')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'München' })).toHaveAttribute('href', '/spaces/s-city')
    expect(screen.getByText('Keine Nachfolger.')).toBeInTheDocument()
    expect(await screen.findByRole('link', { name: 'Nord (alt) (ALT)' })).toBeInTheDocument()
    expect(await screen.findByRole('link', { name: 'Quartier Am Hart (Q1)' })).toBeInTheDocument()
    expect(await screen.findByText('In diesem Sozialraum sind noch keine Einrichtungen erfasst.')).toBeInTheDocument()
    const coverage = await screen.findByRole('table', { name: 'Versorgung je Kategorie' })
    expect(within(coverage).getByRole('rowheader', { name: 'Kita' }).closest('tr')).toHaveTextContent('20,3 (unter dem Median)35,5')
    expect(within(coverage).getByRole('rowheader', { name: 'Jugendclub' }).closest('tr')).not.toHaveTextContent('unter dem Median')
    expect(matrixQuery?.get('under')).toBe('s-city')
    expect(matrixQuery?.get('level')).toBe('district')
    expect(matrixQuery?.get('populationIndicatorId')).toBe('i-ew')
    expect(unhandled).toEqual([])
    expect(await axeViolations()).toEqual([])
  })

  it('says so when there are no spaces', async () => {
    server.use(http.get('/api/v1/spaces/tree', () => HttpResponse.json([])))
    renderApp({ route: '/spaces' })
    expect(await screen.findByText('Noch keine Sozialräume vorhanden.')).toBeInTheDocument()
  })
})

describe('space editor', () => {
  it('reads the population as German writes numbers (12.500) and refuses what is no whole number', async () => {
    server.use(
      http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
      http.post('/api/v1/spaces', async ({ request }) => HttpResponse.json(space({ id: 's-neu', ...(await request.json() as object) }),
        { status: 201 })),
    )
    renderApp({ route: '/spaces/new' })
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('Kennung'), '09162-W')
    await user.type(screen.getByLabelText('Name'), 'West')
    const population = screen.getByLabelText('Einwohnerzahl')
    await user.type(population, '12,5')
    await user.click(screen.getByRole('button', { name: 'Anlegen' }))
    expect(population).toHaveAccessibleDescription('Bitte eine ganze Zahl wie 1.500 eingeben (der Punkt trennt Tausender).')
    expect(population).toHaveFocus()
    expect(requests.some((r) => r.method === 'POST')).toBe(false)
    await user.clear(population)
    await user.type(population, '12.500')
    await user.click(screen.getByRole('button', { name: 'Anlegen' }))
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({ code: '09162-W', population: 12500 }))
  })
})
