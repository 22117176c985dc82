import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { axeViolations } from '@/testing/axe'
import { actor, spaceTree } from '@/testing/fixtures'
import { renderApp } from '@/testing/render'
import { page, requests, server } from '@/testing/server'
import { categoryTerms, location, mapSpaces, targetGroupTerms, taxonomies } from './inventory-fixtures'

function withInventoryApi(...handlers: Parameters<typeof server.use>) {
  server.use(
    ...handlers,
    http.get('/api/v1/taxonomies', () => HttpResponse.json(taxonomies)),
    http.get('/api/v1/taxonomies/tax-cat/terms', () => HttpResponse.json(categoryTerms)),
    http.get('/api/v1/taxonomies/tax-tg/terms', () => HttpResponse.json(targetGroupTerms)),
    http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
    http.get('/api/v1/spaces', () => page(mapSpaces)),
    http.get('/api/v1/actors', () => page([actor({ id: 'a-op', name: 'Jugendclub e.V.' })])),
  )
}

describe('inventory list and map', () => {
  const near = [
    location({ id: 'loc-1', name: 'Kita Sonnenschein', latitude: 52.4031, longitude: 13.2702 }),
    location({ id: 'loc-2', name: 'Familienzentrum', latitude: 52.4023, longitude: 13.2705 }),
    location({ id: 'loc-4', name: 'Elterncafé', latitude: 52.40231, longitude: 13.27051 }),
    location({ id: 'loc-3', name: 'Caritas-Zentrum', latitude: 52.3862, longitude: 13.2601, spaceName: 'Süd' }),
  ]

  it('lists facilities beside the map, clusters close markers and passes axe', async () => {
    withInventoryApi(http.get('/api/v1/locations', () => page(near)))
    renderApp({ route: '/inventory' })
    const list = await screen.findByRole('table', { name: 'Einrichtungen' })
    expect(within(list).getAllByRole('row')).toHaveLength(5)
    expect(within(list).getByRole('link', { name: 'Kita Sonnenschein' })).toHaveAttribute('href', '/inventory/locations/loc-1')
    expect(screen.getByText('4 Einrichtungen angezeigt')).toBeInTheDocument()

    // Three facilities within 100 m are one cluster; the one 2 km away is a marker of its own.
    const map = await screen.findByRole('group', { name: 'Karte der Einrichtungen' })
    const cluster = within(map).getByRole('button', { name: /^3 Einrichtungen: Kita Sonnenschein, Familienzentrum, Elterncafé/ })
    expect(within(map).getByRole('link', { name: 'Caritas-Zentrum' })).toBeInTheDocument()
    expect(screen.getByText(/4 Einrichtungen auf der Karte/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Gesamtansicht' })).toBeDisabled()

    // Choosing the cluster (keyboard) zooms in: the Kita stands apart, the two in one building stay together.
    const user = userEvent.setup()
    cluster.focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(within(map).getByRole('link', { name: 'Kita Sonnenschein' })).toBeInTheDocument())
    const together = within(map).getByRole('button', { name: /^2 Einrichtungen: Familienzentrum, Elterncafé/ })
    expect(screen.getByRole('button', { name: 'Gesamtansicht' })).toBeEnabled()
    // that cluster cannot be taken apart by zooming: it lists its facilities under the map
    together.focus()
    await user.keyboard('{Enter}')
    const status = await screen.findByText('2 Einrichtungen an derselben Stelle:')
    expect(within(status.parentElement!).getByRole('link', { name: 'Elterncafé' })).toHaveAttribute('href', '/inventory/locations/loc-4')

    expect(await axeViolations()).toEqual([])
  })

  it('filters by category and target group through the URL and the API', async () => {
    withInventoryApi(
      http.get('/api/v1/locations', ({ request }) =>
        page(new URL(request.url).searchParams.get('category') === 'kita' ? [near[0]] : near)),
    )
    const { router } = renderApp({ route: '/inventory' })
    const user = userEvent.setup()
    await screen.findByText('4 Einrichtungen angezeigt')
    await user.selectOptions(screen.getByLabelText('Kategorie'), 'kita')
    expect(await screen.findByText('1 Einrichtung angezeigt')).toBeInTheDocument()
    await user.selectOptions(screen.getByLabelText('Zielgruppe'), 'zg-kinder')
    await waitFor(() => expect(router.state.location.search).toBe('?category=kita&targetGroup=zg-kinder'))
    const sent = requests.filter((r) => r.url.pathname === '/api/v1/locations').map((r) => r.url.searchParams)
    expect(sent.some((p) => p.get('category') === 'kita' && p.get('targetGroup') === 'zg-kinder')).toBe(true)
  })

  it('says what to do when the list fails to load', async () => {
    withInventoryApi(http.get('/api/v1/locations', () => HttpResponse.json({ status: 503, title: 'Service Unavailable' }, { status: 503 })))
    renderApp({ route: '/inventory' })
    const alerts = await screen.findAllByRole('alert')
    expect(alerts[0]).toBeInTheDocument()
    expect(screen.getAllByRole('button', { name: 'Erneut versuchen' }).length).toBeGreaterThan(0)
  })
})
