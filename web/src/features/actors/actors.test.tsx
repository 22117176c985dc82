import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { RelationDirection, RelationType, Role, Sector } from '@/api'
import { actor, actorTypes, spaceTree } from '@/testing/fixtures'
import { renderApp, testUser } from '@/testing/render'
import { page, problem, requests, server } from '@/testing/server'

/** What every actor page reads: types, the space tree and an empty list; a test's own handlers go first. */
function withBaseApi(...handlers: Parameters<typeof server.use>) {
  server.use(
    ...handlers,
    http.get('/api/v1/actor-types', () => HttpResponse.json(actorTypes)),
    http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
    http.get('/api/v1/actors', () => page([])),
  )
}

describe('actor form', () => {
  it('shows the server field error at the field (400 problem+json)', async () => {
    withBaseApi(
      http.post('/api/v1/actors', () =>
        HttpResponse.json(
          {
            type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
            title: 'One or more validation errors occurred.',
            status: 400,
            errors: { name: ['An actor with this name already exists in this space.'], 'tags[0]': ['Tag is reserved.'] },
          },
          { status: 400 },
        ),
      ),
    )
    renderApp({ route: '/actors/new' })
    const user = userEvent.setup()
    const name = await screen.findByLabelText(/^Name/)
    await user.type(name, 'Jugendamt Nord')
    await user.selectOptions(screen.getByLabelText(/^Typ/), 'youthOffice')
    await user.selectOptions(screen.getByLabelText(/^Sektor/), 'public')
    await user.click(screen.getByLabelText(/Nord/))
    await user.type(screen.getByLabelText(/^Schlagwörter/), 'Jugend, Familie')
    await user.click(screen.getByRole('button', { name: 'Akteur anlegen' }))

    // The message sits at the field, is linked to it and the field is marked invalid.
    expect(await screen.findByText('An actor with this name already exists in this space.')).toBeInTheDocument()
    expect(name).toHaveAttribute('aria-invalid', 'true')
    expect(name).toHaveAccessibleDescription(/An actor with this name already exists/)
    expect(name).toHaveFocus()
    expect(screen.getByLabelText(/^Schlagwörter/)).toHaveAccessibleDescription(/Tag is reserved\./)
    expect(screen.getByRole('alert')).toHaveTextContent('Bitte prüfen Sie die markierten Felder.')

    const post = requests.find((r) => r.method === 'POST')
    expect(post?.body).toEqual({
      kind: 'organisation',
      name: 'Jugendamt Nord',
      type: 'youthOffice',
      sector: 'public',
      spaceIds: ['s-nord'],
      tags: ['Jugend', 'Familie'],
    })
  })

  it('validates in German before sending (required name, e-mail, limits)', async () => {
    withBaseApi()
    renderApp({ route: '/actors/new' })
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText(/^E-Mail-Adresse/), 'nicht-gültig')
    await user.type(screen.getByLabelText(/^Schlagwörter/), Array.from({ length: 21 }, (_, i) => `t${i}`).join(','))
    await user.click(screen.getByRole('button', { name: 'Akteur anlegen' }))
    expect(await screen.findByText('Bitte geben Sie eine gültige E-Mail-Adresse ein.')).toBeInTheDocument()
    expect(screen.getByLabelText(/^Name/)).toHaveAccessibleDescription('Bitte füllen Sie dieses Feld aus.')
    expect(screen.getByText('Höchstens 20 Schlagwörter erlaubt.')).toBeInTheDocument()
    expect(requests.some((r) => r.method === 'POST')).toBe(false)
  })

  it('creates an actor and opens it', async () => {
    const created = actor({ id: 'new-1', name: 'Stadtteilladen Nord', type: 'welfareAssociation', sector: Sector.CivilSociety })
    withBaseApi(
      http.post('/api/v1/actors', () => HttpResponse.json(created, { status: 201 })),
      http.get('/api/v1/actors/new-1', () => HttpResponse.json(created)),
      http.get('/api/v1/actors/new-1/relations', () => page([])),
    )
    const { router } = renderApp({ route: '/actors/new' })
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText(/^Name/), 'Stadtteilladen Nord')
    await user.selectOptions(screen.getByLabelText(/^Typ/), 'welfareAssociation')
    await user.selectOptions(screen.getByLabelText(/^Sektor/), 'civilSociety')
    await user.click(screen.getByRole('button', { name: 'Akteur anlegen' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/actors/new-1'))
    expect(await screen.findByRole('heading', { level: 1, name: 'Stadtteilladen Nord' })).toBeInTheDocument()
    expect(screen.getByText('„Stadtteilladen Nord“ wurde angelegt.')).toBeInTheDocument()
  })
})

describe('actor edit', () => {
  it('sends If-Match with the loaded version and explains 412', async () => {
    const loaded = actor({ id: 'e-1', name: 'Jobcenter Mitte', version: 4 })
    withBaseApi(
      http.get('/api/v1/actors/e-1', () => HttpResponse.json(loaded)),
      http.put('/api/v1/actors/e-1', () => problem(412, 'Precondition Failed', { detail: 'Actor has version 5.' })),
    )
    renderApp({ route: '/actors/e-1/edit' })
    const user = userEvent.setup()
    const name = await screen.findByLabelText(/^Name/)
    expect(name).toHaveValue('Jobcenter Mitte')
    await user.clear(name)
    await user.type(name, 'Jobcenter Berlin Mitte')
    await user.click(screen.getByRole('button', { name: 'Änderungen speichern' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Der Datensatz wurde inzwischen geändert – bitte neu laden')
    const put = requests.find((r) => r.method === 'PUT')
    expect(put?.headers.get('If-Match')).toBe('"4"')
    expect(put?.body).toMatchObject({ name: 'Jobcenter Berlin Mitte' })

    // "Neu laden" fetches the current record and shows it in the form.
    server.use(http.get('/api/v1/actors/e-1', () => HttpResponse.json({ ...loaded, name: 'Jobcenter Mitte (neu)', version: 5 })))
    await user.click(within(alert).getByRole('button', { name: 'Neu laden' }))
    await waitFor(() => expect(screen.getByLabelText(/^Name/)).toHaveValue('Jobcenter Mitte (neu)'))
  })
})

describe('actor list', () => {
  it('searches, filters and loads more along the cursor', async () => {
    const page1 = Array.from({ length: 2 }, (_, i) => actor({ name: `Kita ${i + 1}` }))
    const page2 = [actor({ name: 'Kita 3' })]
    withBaseApi(
      http.get('/api/v1/actors', ({ request }) => {
        const query = new URL(request.url).searchParams
        if (query.has('sector')) return page([])
        if (query.get('cursor') === 'c2') return page(page2)
        if (query.get('q') === 'Kita') return page(page1, 'c2')
        return page([])
      }),
    )
    renderApp({ route: '/actors' })
    const user = userEvent.setup()
    expect(await screen.findByText('Noch keine Akteure erfasst.')).toBeInTheDocument()

    await user.type(screen.getByLabelText(/^Suche/), 'Kita')
    await user.click(screen.getByRole('button', { name: 'Suchen' }))
    expect(await screen.findByRole('link', { name: 'Kita 1' })).toBeInTheDocument()
    expect(screen.getByText('2 Akteure angezeigt, weitere vorhanden')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Weitere laden' }))
    expect(await screen.findByRole('link', { name: 'Kita 3' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Weitere laden' })).not.toBeInTheDocument()
    expect(screen.getByText('3 Akteure angezeigt')).toBeInTheDocument()

    await user.selectOptions(screen.getByLabelText(/^Sektor/), 'civilSociety')
    await waitFor(() => expect(requests.some((r) => r.url.searchParams.get('sector') === 'civilSociety')).toBe(true))
    const last = requests.filter((r) => r.url.pathname === '/api/v1/actors').at(-1)
    expect(last?.url.searchParams.get('q')).toBe('Kita')
    expect(await screen.findByText('Keine Akteure gefunden.')).toBeInTheDocument()
  })
})

describe('actor detail', () => {
  it('shows relations in both directions, in words', async () => {
    const a = actor({ id: 'd-1', name: 'Jobcenter', tags: ['SGB II'] })
    withBaseApi(
      http.get('/api/v1/actors/d-1', () => HttpResponse.json(a)),
      http.get('/api/v1/actors/d-1/relations', () =>
        page([
          {
            id: 'r1',
            direction: RelationDirection.Outgoing,
            otherActorId: 'd-2',
            otherActorName: 'Jugendamt',
            type: RelationType.CooperationAgreement,
            isContractual: true,
            validFrom: '2024-01-01',
            version: 1,
          },
          {
            id: 'r2',
            direction: RelationDirection.Incoming,
            otherActorId: 'd-3',
            otherActorName: 'Schulamt',
            type: RelationType.Partnership,
            isContractual: false,
            version: 1,
          },
        ]),
      ),
    )
    renderApp({ route: '/actors/d-1' })
    const table = await screen.findByRole('table', { name: 'Beziehungen von Jobcenter' })
    const rows = within(table).getAllByRole('row')
    expect(rows[1]).toHaveTextContent('ausgehend')
    expect(rows[1]).toHaveTextContent('von Jobcenter an Jugendamt')
    expect(rows[1]).toHaveTextContent('Kooperationsvereinbarung')
    expect(rows[1]).toHaveTextContent('seit 01.01.2024')
    expect(rows[2]).toHaveTextContent('eingehend')
    expect(rows[2]).toHaveTextContent('von Schulamt an Jobcenter')
    expect(within(rows[2]).getByRole('link', { name: 'Schulamt' })).toHaveAttribute('href', '/actors/d-3')
  })
})

describe('read-only roles', () => {
  it('offers no create button to a viewer', async () => {
    withBaseApi()
    renderApp({ route: '/actors', user: { ...testUser, role: Role.Viewer } })
    expect(await screen.findByText('Noch keine Akteure erfasst.')).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Neuer Akteur' })).not.toBeInTheDocument()
  })
})

describe('archive and restore', () => {
  it('archives with If-Match after confirmation and can restore', async () => {
    const a = actor({ id: 'ar-1', name: 'Kita Sonnenschein', version: 2 })
    withBaseApi(
      http.get('/api/v1/actors/ar-1', () => HttpResponse.json(a)),
      http.get('/api/v1/actors/ar-1/relations', () => page([])),
      http.post('/api/v1/actors/ar-1/archive', () => HttpResponse.json({ ...a, archivedAt: '2026-03-01T10:00:00Z', version: 3 })),
      http.post('/api/v1/actors/ar-1/restore', () => HttpResponse.json({ ...a, version: 4 })),
    )
    renderApp({ route: '/actors/ar-1' })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Archivieren' }))
    await user.click(screen.getByRole('button', { name: 'Ja, archivieren' }))
    expect(await screen.findByText(/wurde am .* archiviert/)).toBeInTheDocument()
    const archiveReq = requests.find((r) => r.url.pathname.endsWith('/archive'))
    expect(archiveReq?.headers.get('If-Match')).toBe('"2"')
    expect(screen.queryByRole('link', { name: 'Bearbeiten' })).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Wiederherstellen' }))
    expect(await screen.findByRole('link', { name: 'Bearbeiten' })).toBeInTheDocument()
    expect(requests.find((r) => r.url.pathname.endsWith('/restore'))?.headers.get('If-Match')).toBe('"3"')
  })
})
