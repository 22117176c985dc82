import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { GrantScope, Role, type CurrentUserDto, type UserDto } from '@/api'
import { ancestorsAndSelf, decideWriteAccess } from '@/lib/auth'
import { axeViolations } from '@/testing/axe'
import { health, network, spaceTree } from '@/testing/fixtures'
import { renderApp, testUser } from '@/testing/render'
import { page, requests, server } from '@/testing/server'

const empty = () => page([])
const teltow = network({ id: 'n-t', name: 'Lenkrunde Teltow' })
const other = network({ id: 'n-o', name: 'Fokusgruppe Bildung' })
const scopedViewer: CurrentUserDto = {
  ...testUser, role: Role.Viewer,
  grants: [{ role: Role.Coordinator, scope: GrantScope.Network, targetId: 'n-t', targetName: 'Lenkrunde Teltow' }],
}

function networkPage(id: string, n: typeof teltow) {
  server.use(
    http.get(`/api/v1/networks/${id}`, () => HttpResponse.json(n)),
    http.get(`/api/v1/networks/${id}/health`, () => HttpResponse.json(health({ networkId: id }))),
    http.get(`/api/v1/networks/${id}/composition`, () =>
      HttpResponse.json({ networkId: id, on: '2026-01-01', total: 0, organisations: 0, persons: 0, sectors: [], roles: [] })),
    http.get(`/api/v1/networks/${id}/members`, empty),
    http.get(`/api/v1/networks/${id}/meetings`, empty),
    http.get('/api/v1/tasks', empty),
    http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
    http.get('/api/v1/actors', empty),
    http.get('/api/v1/networks', () => page([teltow, other])),
  )
}

describe('write access from grants', () => {
  it('decides like the API: global writers everywhere, a grant for its network or space subtree, a reason otherwise', () => {
    const editor = { ...testUser, role: Role.Editor }
    const none = () => []
    const tree = (id: string) => ancestorsAndSelf(spaceTree, id)
    expect(decideWriteAccess(editor, { networkId: 'n-o' }, none).allowed).toBe(true)
    expect(decideWriteAccess(scopedViewer, { networkId: 'n-t' }, none).allowed).toBe(true)
    expect(decideWriteAccess(scopedViewer, { networkId: 'n-o' }, none)).toMatchObject({ allowed: false, denial: 'outsideScope' })
    expect(decideWriteAccess(scopedViewer, undefined, none)).toMatchObject({ allowed: false, denial: 'outsideScope' })
    expect(decideWriteAccess({ ...testUser, role: Role.Viewer }, { networkId: 'n-t' }, none)).toMatchObject({ denial: 'readOnlyRole' })
    const nord = { ...testUser, role: Role.Analyst, grants: [{ role: Role.Editor, scope: GrantScope.Space, targetId: 's-nord' }] }
    const city = { ...nord, grants: [{ role: Role.Editor, scope: GrantScope.Space, targetId: 's-city' }] }
    expect(decideWriteAccess(city, { spaceId: 's-nord' }, tree).allowed).toBe(true)
    expect(decideWriteAccess(nord, { spaceId: 's-nord' }, tree).allowed).toBe(true)
    expect(decideWriteAccess(nord, { spaceId: 's-sued' }, tree).allowed).toBe(false)
    expect(decideWriteAccess(nord, { spaceId: 's-city' }, tree).allowed).toBe(false)
    // a service: every one of its spaces must be inside, and a location without a space is outside everything
    expect(decideWriteAccess(city, { spaceIds: ['s-nord', 's-sued'] }, tree).allowed).toBe(true)
    expect(decideWriteAccess(nord, { spaceIds: ['s-nord', 's-sued'] }, tree).allowed).toBe(false)
    expect(decideWriteAccess(city, { spaceIds: ['s-nord', undefined] }, tree).allowed).toBe(false)
    expect(decideWriteAccess(null, { networkId: 'n-t' }, none)).toMatchObject({ allowed: false, denial: null })
  })

  it('shows a coordinator of one network the edit button there, with nothing to explain', async () => {
    networkPage('n-t', teltow)
    renderApp({ route: '/networks/n-t', user: scopedViewer })
    expect(await screen.findByRole('link', { name: 'Bearbeiten' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Warum kann ich hier nichts ändern?' })).not.toBeInTheDocument()
  })

  it('hides the edit button on another network and says which grants the user has (axe-clean)', async () => {
    networkPage('n-o', other)
    renderApp({ route: '/networks/n-o', user: scopedViewer })
    const why = await screen.findByRole('button', { name: 'Warum kann ich hier nichts ändern?' })
    expect(screen.queryByRole('link', { name: 'Bearbeiten' })).not.toBeInTheDocument()
    expect(why).toHaveAttribute('aria-expanded', 'false')
    await userEvent.setup().click(why)
    expect(why).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByText(/Ihre Rechte gelten nur für: Lenkrunde Teltow/)).toBeVisible()
    expect(await axeViolations()).toEqual([])
  })
})

describe('grants on the account administration page', () => {
  const planner: UserDto = {
    id: 'u-1', email: 'planung@kreis.example', displayName: 'Paula Planung', role: Role.Viewer, isActive: true, mustChangePassword: false,
    grants: [{ role: Role.Editor, scope: GrantScope.Space, targetId: 's-nord', targetName: 'Nord' }],
    version: 3, createdAt: '2026-12-01T08:00:00Z', updatedAt: '2026-12-01T08:00:00Z',
  }

  it('adds a network grant and removes a space grant, each saved with If-Match (axe-clean)', async () => {
    server.use(
      http.get('/api/v1/users', () => HttpResponse.json([planner])),
      http.put('/api/v1/users/:id', () => HttpResponse.json({ ...planner, version: 4 })),
      http.get('/api/v1/networks', () => page([teltow, other])),
      http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
    )
    renderApp({ route: '/admin/users', user: { ...testUser, role: Role.Admin } })
    const user = userEvent.setup()
    expect(await screen.findByText(/Bearbeitung: Nord und darunter/)).toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('option', { name: 'Lenkrunde Teltow' })).toBeInTheDocument())
    await user.selectOptions(screen.getByLabelText('Netzwerk oder Sozialraum der neuen Berechtigung für Paula Planung'), 'n-t')
    await user.click(screen.getByRole('button', { name: 'Berechtigung hinzufügen: Paula Planung' }))
    await waitFor(() => expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(1))
    const put = requests.find((r) => r.method === 'PUT')!
    expect(put.headers.get('If-Match')).toBe('"3"')
    expect(put.body).toEqual({
      displayName: 'Paula Planung', role: 'viewer',
      grants: [{ role: 'editor', scope: 'space', targetId: 's-nord' }, { role: 'coordinator', scope: 'network', targetId: 'n-t' }],
    })
    expect(await axeViolations()).toEqual([])

    await user.click(screen.getByRole('button', { name: 'Entfernen: Nord (Paula Planung)' }))
    await waitFor(() => expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(2))
    expect(requests.filter((r) => r.method === 'PUT')[1].body).toMatchObject({ grants: [] })
  })
})

describe('sign-in through the identity provider', () => {
  it('offers "Mit Kreis-Login anmelden" when a provider is configured and hides the form when local accounts are off', async () => {
    server.use(
      http.get('/api/v1/auth/me', () => HttpResponse.json({ status: 401 }, { status: 401 })),
      http.get('/api/v1/auth/sign-in-options', ({ request }) => HttpResponse.json({ localAccounts: false, provider: {
        displayName: 'Kreis-Login',
        loginUrl: `/api/v1/auth/oidc/login?returnUrl=${encodeURIComponent(new URL(request.url).searchParams.get('returnUrl') ?? '')}`,
      } })),
    )
    renderApp({ route: '/login', user: 'ask' })
    const link = await screen.findByRole('link', { name: 'Mit Kreis-Login anmelden' })
    expect(link.getAttribute('href')).toBe('/api/v1/auth/oidc/login?returnUrl=%2F')
    expect(screen.queryByRole('button', { name: 'Anmelden' })).not.toBeInTheDocument()
    expect(screen.getByText(/Anmeldung mit Passwort ist hier abgeschaltet/)).toBeInTheDocument()
    expect(await axeViolations()).toEqual([])
  })
})
