import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { RelationDirection, RelationType, Role, Sector } from '@/api'
import { actor, actorTypes, spaceTree } from '@/testing/fixtures'
import { mockApi, problem } from '@/testing/mock-api'
import { renderApp, testUser } from '@/testing/render'

function baseApi() {
  return mockApi()
    .on('GET /api/v1/actor-types', { body: actorTypes })
    .on('GET /api/v1/spaces/tree', { body: spaceTree })
    .on('GET /api/v1/actors', { body: { items: [], nextCursor: null } })
}

describe('actor form', () => {
  it('shows the server field error at the field (400 problem+json)', async () => {
    const server = baseApi().on('POST /api/v1/actors', {
      status: 400,
      body: {
        type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
        title: 'One or more validation errors occurred.',
        status: 400,
        errors: { name: ['An actor with this name already exists in this space.'], 'tags[0]': ['Tag is reserved.'] },
      },
    })
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

    const post = server.requests.find((r) => r.method === 'POST')
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
    const server = baseApi()
    renderApp({ route: '/actors/new' })
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText(/^E-Mail-Adresse/), 'nicht-gültig')
    await user.type(screen.getByLabelText(/^Schlagwörter/), Array.from({ length: 21 }, (_, i) => `t${i}`).join(','))
    await user.click(screen.getByRole('button', { name: 'Akteur anlegen' }))
    expect(await screen.findByText('Bitte geben Sie eine gültige E-Mail-Adresse ein.')).toBeInTheDocument()
    expect(screen.getByLabelText(/^Name/)).toHaveAccessibleDescription('Bitte füllen Sie dieses Feld aus.')
    expect(screen.getByText('Höchstens 20 Schlagwörter erlaubt.')).toBeInTheDocument()
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false)
  })

  it('creates an actor and opens it', async () => {
    const created = actor({ id: 'new-1', name: 'Stadtteilladen Nord', type: 'welfareAssociation', sector: Sector.CivilSociety })
    baseApi()
      .on('POST /api/v1/actors', { status: 201, body: created })
      .on('GET /api/v1/actors/new-1', { body: created })
      .on('GET /api/v1/actors/new-1/relations', { body: { items: [], nextCursor: null } })
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
    const server = baseApi()
      .on('GET /api/v1/actors/e-1', { body: loaded })
      .on('PUT /api/v1/actors/e-1', problem(412, 'Precondition Failed', { detail: 'Actor has version 5.' }))
    renderApp({ route: '/actors/e-1/edit' })
    const user = userEvent.setup()
    const name = await screen.findByLabelText(/^Name/)
    expect(name).toHaveValue('Jobcenter Mitte')
    await user.clear(name)
    await user.type(name, 'Jobcenter Berlin Mitte')
    await user.click(screen.getByRole('button', { name: 'Änderungen speichern' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Der Datensatz wurde inzwischen geändert – bitte neu laden')
    const put = server.requests.find((r) => r.method === 'PUT')
    expect(put?.headers.get('If-Match')).toBe('"4"')
    expect(put?.body).toMatchObject({ name: 'Jobcenter Berlin Mitte' })

    // "Neu laden" fetches the current record and shows it in the form.
    server.on('GET /api/v1/actors/e-1', { body: { ...loaded, name: 'Jobcenter Mitte (neu)', version: 5 } })
    await user.click(within(alert).getByRole('button', { name: 'Neu laden' }))
    await waitFor(() => expect(screen.getByLabelText(/^Name/)).toHaveValue('Jobcenter Mitte (neu)'))
  })
})

describe('actor list', () => {
  it('searches, filters and loads more along the cursor', async () => {
    const page1 = Array.from({ length: 2 }, (_, i) => actor({ name: `Kita ${i + 1}` }))
    const page2 = [actor({ name: 'Kita 3' })]
    const server = baseApi().on('GET /api/v1/actors', (req) => {
      if (req.url.searchParams.has('sector')) return { body: { items: [], nextCursor: null } }
      if (req.url.searchParams.get('cursor') === 'c2') return { body: { items: page2, nextCursor: null } }
      if (req.url.searchParams.get('q') === 'Kita') return { body: { items: page1, nextCursor: 'c2' } }
      return { body: { items: [], nextCursor: null } }
    })
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
    await waitFor(() => expect(server.requests.some((r) => r.url.searchParams.get('sector') === 'civilSociety')).toBe(true))
    const last = server.requests.filter((r) => r.url.pathname === '/api/v1/actors').at(-1)
    expect(last?.url.searchParams.get('q')).toBe('Kita')
    expect(await screen.findByText('Keine Akteure gefunden.')).toBeInTheDocument()
  })
})

describe('actor detail', () => {
  it('shows relations in both directions, in words', async () => {
    const a = actor({ id: 'd-1', name: 'Jobcenter', tags: ['SGB II'] })
    baseApi()
      .on('GET /api/v1/actors/d-1', { body: a })
      .on('GET /api/v1/actors/d-1/relations', {
        body: {
          items: [
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
          ],
          nextCursor: null,
        },
      })
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
    baseApi()
    renderApp({ route: '/actors', user: { ...testUser, role: Role.Viewer } })
    expect(await screen.findByText('Noch keine Akteure erfasst.')).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Neuer Akteur' })).not.toBeInTheDocument()
  })
})

describe('archive and restore', () => {
  it('archives with If-Match after confirmation and can restore', async () => {
    const a = actor({ id: 'ar-1', name: 'Kita Sonnenschein', version: 2 })
    const server = baseApi()
      .on('GET /api/v1/actors/ar-1', { body: a })
      .on('GET /api/v1/actors/ar-1/relations', { body: { items: [], nextCursor: null } })
      .on('POST /api/v1/actors/ar-1/archive', { body: { ...a, archivedAt: '2026-03-01T10:00:00Z', version: 3 } })
      .on('POST /api/v1/actors/ar-1/restore', { body: { ...a, version: 4 } })
    renderApp({ route: '/actors/ar-1' })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Archivieren' }))
    await user.click(screen.getByRole('button', { name: 'Ja, archivieren' }))
    expect(await screen.findByText(/wurde am .* archiviert/)).toBeInTheDocument()
    const archiveReq = server.requests.find((r) => r.url.pathname.endsWith('/archive'))
    expect(archiveReq?.headers.get('If-Match')).toBe('"2"')
    expect(screen.queryByRole('link', { name: 'Bearbeiten' })).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Wiederherstellen' }))
    expect(await screen.findByRole('link', { name: 'Bearbeiten' })).toBeInTheDocument()
    expect(server.requests.find((r) => r.url.pathname.endsWith('/restore'))?.headers.get('If-Match')).toBe('"3"')
  })
})
