import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { Role, type ApiKeyDto } from '@/api'
import { axeViolations } from '@/testing/axe'
import { renderApp, testUser } from '@/testing/render'
import { problem, requests, server } from '@/testing/server'

const admin = { ...testUser, role: Role.Admin }
const partner: ApiKeyDto = {
  id: 'k-1', name: 'Jugendamt Fachverfahren', role: Role.Viewer, keyPrefix: 'rnz_ab12', createdAt: '2026-12-01T08:00:00Z',
  lastUsedAt: '2026-12-04T09:30:00Z', rateLimitPerMinute: 300, grants: [], createdBy: 'user:u-1', createdByName: 'Petra Planer',
}
const portal: ApiKeyDto = {
  ...partner, id: 'k-2', name: 'Open-Data-Portal', keyPrefix: 'rnz_cd34', rateLimitPerMinute: undefined, lastUsedAt: undefined,
  createdBy: 'key:k-9', createdByName: 'Automatisierung',
}

describe('API-Schlüssel (administration)', () => {
  it('lists keys with their request limit and links the API documentation (axe-clean)', async () => {
    server.use(http.get('/api/v1/api-keys', () => HttpResponse.json([partner, portal])))
    renderApp({ route: '/admin/api-keys', user: admin })
    const row = (await screen.findByRole('cell', { name: 'Jugendamt Fachverfahren' })).closest('tr')!
    expect(within(row).getByText('300 je Minute')).toBeInTheDocument()
    const other = screen.getByRole('cell', { name: 'Open-Data-Portal' }).closest('tr')!
    expect(within(other).getByText('Standard')).toBeInTheDocument()
    expect(within(other).getByText('nie')).toBeInTheDocument()
    expect(within(row).getByRole('cell', { name: 'Petra Planer' })).toBeInTheDocument()
    expect(within(other).getByRole('cell', { name: 'Schlüssel „Automatisierung“' })).toBeInTheDocument()
    expect(screen.getAllByRole('link', { name: 'API-Dokumentation' })[0]).toHaveAttribute('href', '/api/docs/')
    expect(await axeViolations()).toEqual([])
  })

  it('creates a key with a limit, shows the key once and puts the focus on it (axe-clean with the new key listed)', async () => {
    const keys: ApiKeyDto[] = []
    server.use(
      http.get('/api/v1/api-keys', () => HttpResponse.json(keys)),
      http.post('/api/v1/api-keys', () => {
        const created = { id: 'k-3', name: 'Kreisportal', role: Role.Analyst, createdAt: '2026-12-05T08:00:00Z', rateLimitPerMinute: 1200,
          grants: [] }
        keys.push({ ...created, keyPrefix: 'rnz_secr', createdBy: 'user:u-1', createdByName: 'Kim Koordination' })
        return HttpResponse.json({ ...created, key: 'rnz_secret-once' }, { status: 201 })
      }),
    )
    renderApp({ route: '/admin/api-keys', user: admin })
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('Name'), 'Kreisportal')
    await user.selectOptions(screen.getByLabelText('Rolle'), 'analyst')
    await user.type(screen.getByLabelText('Anfragen je Minute (optional)'), '0')
    await user.click(screen.getByRole('button', { name: 'Schlüssel anlegen' }))
    expect(await screen.findByText('Bitte eine ganze Zahl von 1 bis 100.000 angeben oder das Feld leer lassen.')).toBeInTheDocument()
    expect(requests.some((r) => r.method === 'POST')).toBe(false)

    await user.clear(screen.getByLabelText('Anfragen je Minute (optional)'))
    // German writes thousands with a point: 1.200 is twelve hundred
    await user.type(screen.getByLabelText('Anfragen je Minute (optional)'), '1.200')
    await user.click(screen.getByRole('button', { name: 'Schlüssel anlegen' }))
    expect(await screen.findByText('rnz_secret-once')).toBeInTheDocument()
    // keyboard and screen-reader users land on the key shown once, not on the page's body
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Schlüssel für Kreisportal angelegt' })).toHaveFocus())
    expect(await screen.findByRole('button', { name: 'Limit ändern: Kreisportal' })).toHaveTextContent('Limit ändern …')
    expect(await axeViolations()).toEqual([])
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ name: 'Kreisportal', role: 'analyst', rateLimitPerMinute: 1200 })
  })

  it('changes a key\'s limit back to the default and revokes a key after asking', async () => {
    server.use(
      http.get('/api/v1/api-keys', () => HttpResponse.json([partner])),
      http.post('/api/v1/api-keys/:id/rate-limit', () => HttpResponse.json({ ...partner, rateLimitPerMinute: undefined })),
      http.delete('/api/v1/api-keys/:id', () => new HttpResponse(null, { status: 204 })),
    )
    renderApp({ route: '/admin/api-keys', user: admin })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Limit ändern: Jugendamt Fachverfahren' }))
    await user.clear(screen.getByLabelText('Anfragen je Minute für Jugendamt Fachverfahren'))
    await user.click(screen.getByRole('button', { name: 'Limit speichern' }))
    await waitFor(() => expect(requests.find((r) => r.url.pathname === '/api/v1/api-keys/k-1/rate-limit')?.body).toEqual({}))

    await user.click(screen.getByRole('button', { name: 'Jugendamt Fachverfahren widerrufen' }))
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false)
    await user.click(screen.getByRole('button', { name: 'Widerrufen' }))
    await waitFor(() => expect(requests.some((r) => r.method === 'DELETE' && r.url.pathname === '/api/v1/api-keys/k-1')).toBe(true))
  })

  it('shows the problem when the server refuses a limit', async () => {
    server.use(
      http.get('/api/v1/api-keys', () => HttpResponse.json([partner])),
      http.post('/api/v1/api-keys/:id/rate-limit', () => problem(404, 'Not found', { detail: 'API key k-1 does not exist.' })),
    )
    renderApp({ route: '/admin/api-keys', user: admin })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Limit ändern: Jugendamt Fachverfahren' }))
    await user.click(screen.getByRole('button', { name: 'Limit speichern' }))
    expect(await screen.findByRole('alert')).toBeInTheDocument()
  })

  it('is for administrators only', async () => {
    const { router } = renderApp({ route: '/admin/api-keys', user: testUser })
    await waitFor(() => expect(router.state.location.pathname).toBe('/'))
  })
})
