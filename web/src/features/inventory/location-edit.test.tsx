import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { ClosureKind, SpaceSource, Weekday } from '@/api'
import { axeViolations } from '@/testing/axe'
import { actor, spaceTree } from '@/testing/fixtures'
import { renderApp } from '@/testing/render'
import { page, problem, requests, server } from '@/testing/server'
import { location } from './inventory-fixtures'

const loaded = location({
  id: 'loc-1',
  version: 4,
  spaceSource: SpaceSource.Derived,
  languages: [{ code: 'de' }],
  openingHours: [{ days: [Weekday.Monday, Weekday.Tuesday], opensAt: '08:00', closesAt: '12:00', validFrom: '2026-01-01' }],
  closures: [{ kind: ClosureKind.Holiday, startsOn: '2026-12-24', endsOn: '2026-12-26', reason: 'Weihnachten' }],
})

function withLocationApi(...handlers: Parameters<typeof server.use>) {
  server.use(
    ...handlers,
    http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
    http.get('/api/v1/actors', () => page([actor({ id: 'a-kita', name: 'Kita Sonnenschein Teltow' })])),
    http.get('/api/v1/services', () => page([])),
    http.get('/api/v1/taxonomies', () => HttpResponse.json([])),
  )
}

describe('facility editor', () => {
  it('fills the form from the facility, adds a second interval and a closure, and sends the whole location with If-Match', async () => {
    let version = 4
    withLocationApi(
      http.get('/api/v1/locations/loc-1', () => HttpResponse.json({ ...loaded, version })),
      http.put('/api/v1/locations/loc-1', async ({ request }) => {
        version = 5
        return HttpResponse.json({ ...loaded, ...(await request.json() as object), version })
      }),
    )
    const { router } = renderApp({ route: '/inventory/locations/loc-1/edit' })
    const user = userEvent.setup()
    expect(await screen.findByLabelText(/^Name/)).toHaveValue('Kita Sonnenschein')
    expect(screen.getByLabelText('Straße und Hausnummer')).toHaveValue('Lindenstraße 12')
    // coordinates as German writes numbers, read back by the same rules
    expect(screen.getByLabelText(/^Breitengrad/)).toHaveValue('52,4031')
    expect(screen.getByLabelText(/^Längengrad/)).toHaveValue('13,2702')
    expect(screen.getByRole('checkbox', { name: 'Stufenloser Zugang' })).toBeChecked()
    // a space derived from the coordinates stays "derive", so that new coordinates place the facility anew
    expect(screen.getByLabelText(/^Sozialraum/)).toHaveValue('')
    const first = screen.getByRole('group', { name: 'Öffnungszeit 1' })
    expect(within(first).getByRole('checkbox', { name: 'Mo' })).toBeChecked()
    expect(within(first).getByLabelText('Öffnet um')).toHaveValue('08:00')

    await user.click(screen.getByRole('checkbox', { name: 'Aufzug' }))
    await user.click(screen.getByRole('button', { name: 'Weitere Öffnungszeit' }))
    const second = screen.getByRole('group', { name: 'Öffnungszeit 2' })
    await user.click(within(second).getByRole('checkbox', { name: 'Mo' }))
    await user.type(within(second).getByLabelText('Öffnet um'), '14:00')
    await user.type(within(second).getByLabelText('Schließt um'), '18:00')
    await user.click(screen.getByRole('button', { name: 'Schließzeit hinzufügen' }))
    const closure = screen.getByRole('group', { name: 'Schließzeit 2' })
    await user.selectOptions(within(closure).getByLabelText(/^Art/), 'closure')
    await user.type(within(closure).getByLabelText(/^Geschlossen ab/), '2026-08-03')
    expect(await axeViolations()).toEqual([])
    await user.click(screen.getByRole('button', { name: 'Änderungen speichern' }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/inventory/locations/loc-1'))
    const put = requests.find((r) => r.method === 'PUT')
    expect(put?.headers.get('If-Match')).toBe('"4"')
    expect(put?.body).toMatchObject({
      name: 'Kita Sonnenschein',
      kind: 'physical',
      latitude: 52.4031,
      longitude: 13.2702,
      languages: [{ code: 'de' }],
      accessibility: { stepFreeAccess: true, lift: true, accessibleToilet: false },
      openingHours: [
        { frequency: 'weekly', days: ['monday', 'tuesday'], opensAt: '08:00', closesAt: '12:00', validFrom: '2026-01-01' },
        { frequency: 'weekly', days: ['monday'], opensAt: '14:00', closesAt: '18:00' },
      ],
      closures: [
        { kind: 'holiday', startsOn: '2026-12-24', endsOn: '2026-12-26', reason: 'Weihnachten' },
        { kind: 'closure', startsOn: '2026-08-03' },
      ],
    })
    expect(put?.body).not.toHaveProperty('spaceId')
    expect(await screen.findByText('Änderungen an „Kita Sonnenschein“ wurden gespeichert.')).toBeInTheDocument()
  })

  it('checks hours and closures before sending', async () => {
    withLocationApi(http.get('/api/v1/locations/loc-1', () => HttpResponse.json(loaded)))
    renderApp({ route: '/inventory/locations/loc-1/edit' })
    const user = userEvent.setup()
    const first = await screen.findByRole('group', { name: 'Öffnungszeit 1' })
    const closes = within(first).getByLabelText('Schließt um')
    await user.clear(closes)
    await user.type(closes, '07:00')
    const closure = screen.getByRole('group', { name: 'Schließzeit 1' })
    const to = within(closure).getByLabelText(/^Geschlossen bis/)
    await user.clear(to)
    await user.type(to, '2026-12-01')
    await user.click(screen.getByRole('button', { name: 'Änderungen speichern' }))
    expect(await within(first).findByText('Die Schließzeit muss nach der Öffnungszeit liegen.')).toBeInTheDocument()
    expect(to).toHaveAccessibleDescription(/Das Ende darf nicht vor dem Beginn liegen\./)
    expect(requests.some((r) => r.method === 'PUT')).toBe(false)
  })

  it('offers a reload when the facility changed meanwhile (412) and then saves with the new version', async () => {
    let version = 4
    withLocationApi(
      http.get('/api/v1/locations/loc-1', () => HttpResponse.json({ ...loaded, version, name: version === 4 ? 'Kita Sonnenschein'
        : 'Kita Sonnenschein (neu)' })),
      http.put('/api/v1/locations/loc-1', ({ request }) =>
        request.headers.get('If-Match') === '"9"' ? HttpResponse.json({ ...loaded, version: 10 })
          : problem(412, 'Precondition Failed')),
    )
    renderApp({ route: '/inventory/locations/loc-1/edit' })
    const user = userEvent.setup()
    await screen.findByLabelText(/^Name/)
    await user.click(screen.getByRole('button', { name: 'Änderungen speichern' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(/inzwischen geändert/)
    version = 9
    await user.click(screen.getByRole('button', { name: 'Neu laden' }))
    await waitFor(() => expect(screen.getByLabelText(/^Name/)).toHaveValue('Kita Sonnenschein (neu)'))
    await user.click(screen.getByRole('button', { name: 'Änderungen speichern' }))
    await waitFor(() => expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(2))
    expect(requests.filter((r) => r.method === 'PUT').map((r) => r.headers.get('If-Match'))).toEqual(['"4"', '"9"'])
  })

  it('archives after asking, with If-Match, and restores', async () => {
    let archived = false
    withLocationApi(
      http.get('/api/v1/locations/loc-1', () => HttpResponse.json({ ...loaded, archivedAt: archived ? '2026-05-01T00:00:00Z' : undefined,
        version: archived ? 5 : 4 })),
      http.get('/api/v1/fundings', () => page([])),
      http.post('/api/v1/locations/loc-1/archive', () => {
        archived = true
        return HttpResponse.json({ ...loaded, archivedAt: '2026-05-01T00:00:00Z', version: 5 })
      }),
      http.post('/api/v1/locations/loc-1/restore', () => {
        archived = false
        return HttpResponse.json({ ...loaded, version: 6 })
      }),
    )
    renderApp({ route: '/inventory/locations/loc-1' })
    const user = userEvent.setup()
    // latitude and longitude cannot be read as four numbers ("52,4031, 13,2702")
    expect((await screen.findByText('Koordinaten')).nextElementSibling).toHaveTextContent(/^52,4031° N, 13,2702° O$/)
    await user.click(await screen.findByRole('button', { name: 'Archivieren' }))
    const confirm = screen.getByRole('alert')
    expect(confirm).toHaveTextContent('„Kita Sonnenschein“ archivieren?')
    await user.click(within(confirm).getByRole('button', { name: 'Archivieren' }))
    expect(await screen.findByText(/Diese Einrichtung ist archiviert/)).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Bearbeiten' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Wiederherstellen' }))
    await waitFor(() => expect(screen.queryByText(/Diese Einrichtung ist archiviert/)).not.toBeInTheDocument())
    const posts = requests.filter((r) => r.method === 'POST')
    expect(posts.map((r) => [r.url.pathname, r.headers.get('If-Match')])).toEqual([
      ['/api/v1/locations/loc-1/archive', '"4"'],
      ['/api/v1/locations/loc-1/restore', '"5"'],
    ])
  })
})
