import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { actor, spaceTree } from '@/testing/fixtures'
import { renderApp } from '@/testing/render'
import { page, requests, server } from '@/testing/server'
import { categoryTerms, funding, location, service, targetGroupTerms, taxonomies } from './inventory-fixtures'

function withEditorApi(...handlers: Parameters<typeof server.use>) {
  server.use(
    ...handlers,
    http.get('/api/v1/taxonomies', () => HttpResponse.json(taxonomies)),
    http.get('/api/v1/taxonomies/tax-cat/terms', () => HttpResponse.json(categoryTerms)),
    http.get('/api/v1/taxonomies/tax-tg/terms', () => HttpResponse.json(targetGroupTerms)),
    http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
    http.get('/api/v1/actors', () =>
      page([actor({ id: 'a-op', name: 'Jugendclub e.V.' }), actor({ id: 'a-ja', name: 'Jugendamt' }), actor({ id: 'a-st',
        name: 'Stadt' })])),
    http.get('/api/v1/networks', () => page([])),
    http.get('/api/v1/locations', () => page([location({ id: 'loc-1', name: 'Haus der Jugend' })])),
  )
}

async function fillBasics(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText(/^Name/), 'Offener Jugendtreff')
  await user.selectOptions(screen.getByLabelText(/^Träger/), 'a-op')
  await user.click(await screen.findByRole('checkbox', { name: 'Jugendclub / Jugendfreizeiteinrichtung' }))
  await user.click(screen.getByRole('checkbox', { name: /Haus der Jugend/ }))
}

describe('service editor', () => {
  it('checks in German before sending: required fields, ages, shares above 100 %', async () => {
    withEditorApi()
    renderApp({ route: '/inventory/services/new' })
    const user = userEvent.setup()
    const submit = await screen.findByRole('button', { name: 'Angebot erfassen' })
    await user.click(submit)
    expect(await screen.findByLabelText(/^Name/)).toHaveAccessibleDescription('Bitte füllen Sie dieses Feld aus.')
    expect(screen.getByLabelText(/^Träger/)).toHaveAccessibleDescription('Bitte füllen Sie dieses Feld aus.')
    expect(screen.getByRole('group', { name: /^Einrichtungen/ })).toHaveAccessibleDescription(/Mindestens eine Einrichtung wählen\./)

    await fillBasics(user)
    await user.type(screen.getByLabelText('Alter von'), '16')
    await user.type(screen.getByLabelText('Alter bis'), '12')
    await user.click(screen.getByRole('button', { name: 'Fördermittelgeber hinzufügen' }))
    await user.click(screen.getByRole('button', { name: 'Fördermittelgeber hinzufügen' }))
    const first = screen.getByRole('group', { name: 'Förderung 1' })
    const second = screen.getByRole('group', { name: 'Förderung 2' })
    await user.selectOptions(within(first).getByLabelText(/^Fördermittelgeber/), 'a-ja')
    await user.type(within(first).getByLabelText(/^Anteil/), '60')
    await user.selectOptions(within(second).getByLabelText(/^Fördermittelgeber/), 'a-st')
    await user.type(within(second).getByLabelText(/^Anteil/), '50')
    await user.click(submit)

    expect(await screen.findByText('Die Anteile ergeben zusammen mehr als 100 %.')).toBeInTheDocument()
    expect(screen.getByLabelText('Alter bis')).toHaveAccessibleDescription('„Alter bis“ darf nicht kleiner sein als „Alter von“.')
    expect(requests.some((r) => r.method === 'POST')).toBe(false)
  })

  it('puts the server field errors at the fields (name, locations)', async () => {
    withEditorApi(
      http.post('/api/v1/services', () =>
        HttpResponse.json(
          {
            title: 'One or more validation errors occurred.',
            status: 400,
            errors: { name: ['A service with this name exists at this location.'], 'locations[0].locationId': ['Location is archived.'] },
          },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        )),
    )
    renderApp({ route: '/inventory/services/new' })
    const user = userEvent.setup()
    await fillBasics(user)
    await user.click(screen.getByRole('button', { name: 'Angebot erfassen' }))
    const name = screen.getByLabelText(/^Name/)
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'))
    expect(name).toHaveAccessibleDescription('A service with this name exists at this location.')
    expect(name).toHaveFocus()
    expect(screen.getByRole('group', { name: /^Einrichtungen/ })).toHaveAccessibleDescription(/Location is archived\./)
    expect(screen.getByRole('alert')).toHaveTextContent('Bitte prüfen Sie die markierten Felder.')
    expect(requests.filter((r) => r.method === 'POST' && r.url.pathname === '/api/v1/fundings')).toHaveLength(0)
  })

  it('records the service and then each funder, and opens the service', async () => {
    const created = service({ id: 'svc-new', name: 'Offener Jugendtreff' })
    withEditorApi(
      http.post('/api/v1/services', () => HttpResponse.json(created, { status: 201 })),
      http.post('/api/v1/fundings', async ({ request }) => HttpResponse.json(funding(await request.json() as object), { status: 201 })),
      http.get('/api/v1/services/svc-new', () => HttpResponse.json(created)),
      http.get('/api/v1/services/svc-new/capacity', () => HttpResponse.json([])),
      http.get('/api/v1/fundings', () => page([])),
    )
    const { router } = renderApp({ route: '/inventory/services/new?locationId=loc-1' })
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText(/^Name/), 'Offener Jugendtreff')
    await user.selectOptions(screen.getByLabelText(/^Träger/), 'a-op')
    await user.click(await screen.findByRole('checkbox', { name: 'Jugendclub / Jugendfreizeiteinrichtung' }))
    // the facility from the URL is chosen already
    expect(screen.getByRole('checkbox', { name: /Haus der Jugend/ })).toBeChecked()
    for (const [i, funder] of [['1', 'a-ja'], ['2', 'a-st']]) {
      await user.click(screen.getByRole('button', { name: 'Fördermittelgeber hinzufügen' }))
      const row = screen.getByRole('group', { name: `Förderung ${i}` })
      await user.selectOptions(within(row).getByLabelText(/^Fördermittelgeber/), funder)
      await user.type(within(row).getByLabelText(/^Anteil/), '40')
    }
    await user.click(screen.getByRole('button', { name: 'Angebot erfassen' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/inventory/services/svc-new'))

    const posts = requests.filter((r) => r.method === 'POST')
    expect(posts.map((r) => r.url.pathname)).toEqual(['/api/v1/services', '/api/v1/fundings', '/api/v1/fundings'])
    expect(posts[0].body).toMatchObject({ name: 'Offener Jugendtreff', operatorId: 'a-op', categories: ['jugendclub'],
      locations: [{ locationId: 'loc-1' }], status: 'active' })
    expect(posts[1].body).toEqual({ serviceId: 'svc-new', funderActorId: 'a-ja', sharePercent: 40, renewalStatus: 'open' })
    expect(posts[2].body).toMatchObject({ funderActorId: 'a-st' })
    expect(await screen.findByText('Das Angebot „Offener Jugendtreff“ wurde erfasst.')).toBeInTheDocument()
  })

  it('sends If-Match on edit and offers a reload on 412', async () => {
    const loaded = service({ id: 'svc-1', version: 7, locations: [{ id: 'sal-1', locationId: 'loc-1', locationName: 'Haus der Jugend',
      contacts: [], phones: [], openingHours: [], closures: [], capacity: [] }] })
    withEditorApi(
      http.get('/api/v1/services/svc-1', () => HttpResponse.json(loaded)),
      http.get('/api/v1/fundings', () => page([funding({ funderName: 'Jugendamt', sharePercent: 62.5 })])),
      http.put('/api/v1/services/svc-1', () =>
        HttpResponse.json({ title: 'Precondition Failed', status: 412, detail: 'changed meanwhile' }, { status: 412 })),
    )
    renderApp({ route: '/inventory/services/svc-1/edit' })
    const user = userEvent.setup()
    expect(await screen.findByText(/Jugendamt \(62,5 %\)/)).toBeInTheDocument()
    // the selects show the record's values once their options are loaded
    expect(await screen.findByLabelText(/^Träger/)).toHaveValue('a-op')
    await user.click(await screen.findByRole('button', { name: 'Änderungen speichern' }))
    expect(await screen.findByRole('button', { name: 'Neu laden' })).toBeInTheDocument()
    const put = requests.find((r) => r.method === 'PUT')
    expect(put?.headers.get('If-Match')).toBe('"7"')
    expect(put?.body).toMatchObject({ locations: [{ locationId: 'loc-1' }], categories: ['jugendclub'], operatorId: 'a-op' })
  })
})
