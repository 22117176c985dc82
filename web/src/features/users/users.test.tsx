import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { Role, type UserDto } from '@/api'
import { renderApp, testUser } from '@/testing/render'
import { problem, requests, server } from '@/testing/server'

const admin = { ...testUser, role: Role.Admin }
const planner: UserDto = {
  id: 'u-1', email: 'planung@kreis.example', displayName: 'Paula Planung', role: Role.Editor, isActive: true, mustChangePassword: false,
  grants: [], version: 3, createdAt: '2026-12-01T08:00:00Z', updatedAt: '2026-12-01T08:00:00Z',
}
const lastAdmin: UserDto = { ...planner, id: 'u-2', email: 'admin@kreis.example', displayName: 'Anna Admin', role: Role.Admin, version: 1 }

describe('Benutzerkonten (administration)', () => {
  it('changes a role with If-Match, deactivates and sets a one-time password', async () => {
    server.use(
      http.get('/api/v1/users', () => HttpResponse.json([planner])),
      http.put('/api/v1/users/:id', () => HttpResponse.json({ ...planner, role: Role.Viewer, version: 4 })),
      http.post('/api/v1/users/:id/deactivate', () => HttpResponse.json({ ...planner, isActive: false })),
      http.post('/api/v1/users/:id/password', () => HttpResponse.json({ ...planner, mustChangePassword: true })),
    )
    renderApp({ route: '/admin/users', user: admin })
    const user = userEvent.setup()
    await user.selectOptions(await screen.findByLabelText('Rolle von Paula Planung'), 'viewer')
    await user.click(screen.getByRole('button', { name: 'Rolle speichern: Paula Planung' }))
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true))
    const put = requests.find((r) => r.method === 'PUT')!
    expect(put.headers.get('If-Match')).toBe('"3"')
    expect(put.body).toEqual({ displayName: 'Paula Planung', role: 'viewer' })

    await user.click(screen.getByRole('button', { name: 'Paula Planung deaktivieren' }))
    await waitFor(() => expect(requests.some((r) => r.url.pathname === '/api/v1/users/u-1/deactivate')).toBe(true))

    await user.click(screen.getByRole('button', { name: 'Einmalpasswort für Paula Planung setzen' }))
    await user.type(screen.getByLabelText('Einmalpasswort für Paula Planung'), 'kurz')
    await user.keyboard('{Enter}')
    expect(await screen.findByText('Das Passwort muss mindestens 12 Zeichen lang sein.')).toBeInTheDocument()
    await user.clear(screen.getByLabelText('Einmalpasswort für Paula Planung'))
    await user.type(screen.getByLabelText('Einmalpasswort für Paula Planung'), 'Einmal-Kennwort-2026{Enter}')
    const sent = () => requests.find((r) => r.url.pathname === '/api/v1/users/u-1/password')?.body
    await waitFor(() => expect(sent()).toEqual({ password: 'Einmal-Kennwort-2026' }))
  })

  it('shows why the last administrator cannot be deactivated (409)', async () => {
    server.use(
      http.get('/api/v1/users', () => HttpResponse.json([lastAdmin])),
      http.post('/api/v1/users/:id/deactivate', () =>
        problem(409, 'Conflict', { detail: 'This is the last active administrator: make another account administrator first.' })),
    )
    renderApp({ route: '/admin/users', user: admin })
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Anna Admin deaktivieren' }))
    expect(await screen.findByRole('alert')).toBeInTheDocument()
  })

  it('is for administrators only', async () => {
    const { router } = renderApp({ route: '/admin/users', user: testUser })
    await waitFor(() => expect(router.state.location.pathname).toBe('/'))
  })
})
