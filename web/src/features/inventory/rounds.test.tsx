import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { InventoryRoundStatus, ServiceChange, type InventoryRoundDto } from '@/api'
import { axeViolations } from '@/testing/axe'
import { actor, spaceTree } from '@/testing/fixtures'
import { renderApp } from '@/testing/render'
import { page, problem, requests, server } from '@/testing/server'
import { categoryTerms, taxonomies, targetGroupTerms } from './inventory-fixtures'

const round = (overrides: Partial<InventoryRoundDto> = {}): InventoryRoundDto => ({
  id: 'r-2', name: 'Bestandsaufnahme Nord 2026', spaceId: 's-nord', spaceName: 'Nord', startsOn: '2026-03-01', endsOn: '2026-06-30',
  status: InventoryRoundStatus.Open, assignments: [], version: 3, createdAt: '2026-03-01T00:00:00Z', updatedAt: '2026-03-01T00:00:00Z',
  ...overrides,
})

const counts = { total: 2, pending: 1, verified: 1, changed: 0, closed: 0, new: 0, percentDone: 50 }

function withRoundApi(...handlers: Parameters<typeof server.use>) {
  server.use(
    ...handlers,
    http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
    http.get('/api/v1/actors', () => page([actor({ id: 'a-ja', name: 'Jugendamt' }), actor({ id: 'a-qm', name: 'Quartiersmanagement' })])),
    http.get('/api/v1/taxonomies', () => HttpResponse.json(taxonomies)),
    http.get('/api/v1/taxonomies/tax-cat/terms', () => HttpResponse.json(categoryTerms)),
    http.get('/api/v1/taxonomies/tax-tg/terms', () => HttpResponse.json(targetGroupTerms)),
    http.get('/api/v1/inventory-rounds', () => page([round({ id: 'r-1', name: 'Bestandsaufnahme Nord 2025' })])),
    http.get('/api/v1/inventory-rounds/:id/progress', () =>
      HttpResponse.json({ roundId: 'r-2', counts, actors: [], unassigned: 0, services: [] })),
    http.get('/api/v1/inventory-rounds/:id/changes', () =>
      HttpResponse.json({ roundId: 'r-2', previousRoundId: 'r-1', previousRoundName: 'Bestandsaufnahme Nord 2025', since: '2025-06-30',
        until: '2026-05-01', added: 1, changed: 1, closed: 0, removed: 0,
        items: [
          { serviceId: 'svc-1', name: 'Offener Jugendtreff', change: ServiceChange.Changed, fields: ['status', 'operator'] },
          { serviceId: 'svc-2', name: 'Schuldnerberatung Nord', change: ServiceChange.Added, fields: [] },
        ] })),
  )
}

describe('inventory rounds', () => {
  it('checks the round before sending: name, region, period order, and each responsibility', async () => {
    withRoundApi()
    renderApp({ route: '/inventory/rounds/new' })
    const user = userEvent.setup()
    const submit = await screen.findByRole('button', { name: 'Erhebungsrunde anlegen' })
    await user.type(screen.getByLabelText(/^Beginn/), '2026-06-01')
    await user.type(screen.getByLabelText(/^Ende/), '2026-03-01')
    await user.click(screen.getByRole('button', { name: 'Zuständigkeit hinzufügen' }))
    const first = screen.getByRole('group', { name: 'Zuständigkeit 1' })
    await user.selectOptions(within(first).getByLabelText(/^Zuständig für/), 'category')
    await user.click(submit)

    expect(await screen.findByLabelText(/^Name/)).toHaveAccessibleDescription(/Bitte füllen Sie dieses Feld aus\./)
    expect(screen.getByLabelText(/^Region/)).toHaveAccessibleDescription(/Bitte eine Region wählen\./)
    expect(screen.getByLabelText(/^Ende/)).toHaveAccessibleDescription('Das Ende darf nicht vor dem Beginn liegen.')
    expect(within(first).getByLabelText(/^Zuständig$|^Zuständig \*/)).toHaveAccessibleDescription('Bitte einen Akteur wählen.')
    expect(within(first).getByLabelText(/^Kategorien/)).toHaveAccessibleDescription('Bitte eine Kategorie wählen.')
    expect(requests.some((r) => r.method === 'POST')).toBe(false)
    expect(await axeViolations()).toEqual([])
  })

  it('creates a round with its responsibilities and opens it with the change report since the previous round', async () => {
    withRoundApi(
      http.post('/api/v1/inventory-rounds', () => HttpResponse.json(round(), { status: 201 })),
      http.get('/api/v1/inventory-rounds/r-2', () => HttpResponse.json(round())),
    )
    const { router } = renderApp({ route: '/inventory/rounds/new' })
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText(/^Name/), 'Bestandsaufnahme Nord 2026')
    await user.selectOptions(screen.getByLabelText(/^Region/), 's-nord')
    await user.type(screen.getByLabelText(/^Beginn/), '2026-03-01')
    await user.type(screen.getByLabelText(/^Ende/), '2026-06-30')
    await user.click(screen.getByRole('button', { name: 'Zuständigkeit hinzufügen' }))
    await user.click(screen.getByRole('button', { name: 'Zuständigkeit hinzufügen' }))
    const first = screen.getByRole('group', { name: 'Zuständigkeit 1' })
    await user.selectOptions(within(first).getByLabelText(/^Zuständig \*|^Zuständig$/), 'a-qm')
    await user.selectOptions(within(first).getByLabelText(/^Sozialraum/), 's-nord')
    const second = screen.getByRole('group', { name: 'Zuständigkeit 2' })
    await user.selectOptions(within(second).getByLabelText(/^Zuständig \*|^Zuständig$/), 'a-ja')
    await user.selectOptions(within(second).getByLabelText(/^Zuständig für/), 'category')
    await user.selectOptions(within(second).getByLabelText(/^Kategorien/), 'kita')
    await user.click(screen.getByRole('button', { name: 'Erhebungsrunde anlegen' }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/inventory/rounds/r-2'))
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      name: 'Bestandsaufnahme Nord 2026', spaceId: 's-nord', startsOn: '2026-03-01', endsOn: '2026-06-30',
      assignments: [{ actorId: 'a-qm', spaceId: 's-nord' }, { actorId: 'a-ja', categoryCode: 'kita' }],
    })
    expect(await screen.findByText('Die Erhebungsrunde „Bestandsaufnahme Nord 2026“ wurde angelegt.')).toBeInTheDocument()
    const changes = await screen.findByRole('table', { name: 'Veränderte Angebote' })
    expect(within(changes).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual([
      'Offener JugendtreffgeändertStatus, Träger',
      'Schuldnerberatung Nordneu',
    ])
    expect(screen.getByText(/Verglichen mit der Runde „Bestandsaufnahme Nord 2025“/)).toBeInTheDocument()
  })

  it('closes a round after asking, with If-Match, offering a reload on 412', async () => {
    let stale = true
    withRoundApi(
      http.get('/api/v1/inventory-rounds/r-2', () => HttpResponse.json(round({ version: stale ? 3 : 4 }))),
      http.post('/api/v1/inventory-rounds/r-2/close', ({ request }) =>
        request.headers.get('If-Match') === '"4"' ? HttpResponse.json(round({ version: 5, status: InventoryRoundStatus.Closed,
          closedAt: '2026-05-02T10:00:00Z' })) : problem(412, 'Precondition Failed')),
    )
    renderApp({ route: '/inventory/rounds/r-2' })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Runde abschließen' }))
    const confirm = screen.getByRole('alert')
    await user.click(within(confirm).getByRole('button', { name: 'Runde abschließen' }))
    expect(await within(confirm).findByText(/inzwischen geändert/)).toBeInTheDocument()
    stale = false
    await user.click(within(confirm).getByRole('button', { name: 'Neu laden' }))
    await waitFor(() => expect(within(screen.getByRole('alert')).queryByText(/inzwischen geändert/)).not.toBeInTheDocument())
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Runde abschließen' }))
    expect(await screen.findByText('Abgeschlossen am 02.05.2026.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Runde abschließen' })).not.toBeInTheDocument()
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.headers.get('If-Match'))).toEqual(['"3"', '"4"'])
  })
})
