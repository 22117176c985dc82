import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { ActorKind, Role } from '@/api'
import { axeViolations } from '@/testing/axe'
import { actor } from '@/testing/fixtures'
import { renderApp, testUser } from '@/testing/render'
import { page, requests, server } from '@/testing/server'

const admin = { ...testUser, role: Role.Admin }
const person = actor({ id: 'a-7', kind: ActorKind.Person, name: 'Erika Muster', version: 3 })

describe('Datenschutz', () => {
  it('explains the personal data held and is axe-clean for everyone', async () => {
    renderApp({ route: '/privacy', user: testUser })
    expect(await screen.findByRole('heading', { level: 1, name: 'Datenschutz' })).toBeInTheDocument()
    expect(screen.getByRole('table', { name: 'Gespeicherte personenbezogene Daten' })).toBeInTheDocument()
    expect(screen.getByRole('rowheader', { name: /Verlauf \(Audit-Trail\)/ })).toBeInTheDocument()
    expect(screen.getAllByText(/vom Betreiber festzulegen/).length).toBeGreaterThan(5)
    expect(screen.queryByRole('heading', { name: 'Auskunft und Löschung' })).not.toBeInTheDocument()
    expect(await axeViolations()).toEqual([])
  })

  it('lets an administrator anonymise a person only after typing the name, with If-Match, and lists texts to review', async () => {
    server.use(
      http.get('/api/v1/actors', () => page([person])),
      http.get('/api/v1/users', () => HttpResponse.json([])),
      http.post('/api/v1/privacy/actors/:id/erase', () => HttpResponse.json({
        id: 'a-7', name: 'Gelöschte Person 12ab34', erasedAt: '2026-12-05T01:00:00Z', auditEntriesScrubbed: 4,
        forReview: [{ entityType: 'meeting', entityId: 'm-1', field: 'minutes' }],
      })),
    )
    renderApp({ route: '/privacy', user: admin })
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('Person suchen (Name)'), 'Erika')
    await user.click(await screen.findByRole('button', { name: 'Erika Muster anonymisieren …' }))

    const confirm = screen.getByRole('button', { name: 'Endgültig anonymisieren' })
    expect(confirm).toBeDisabled()
    await user.type(screen.getByLabelText('Zur Bestätigung „Erika Muster“ eingeben'), 'Erika Muste')
    expect(confirm).toBeDisabled()
    expect(requests.some((r) => r.method === 'POST')).toBe(false)
    await user.type(screen.getByLabelText('Zur Bestätigung „Erika Muster“ eingeben'), 'r')
    await user.click(confirm)

    expect(await screen.findByText('Anonymisiert: jetzt „Gelöschte Person 12ab34“.')).toBeInTheDocument()
    const post = requests.find((r) => r.method === 'POST')!
    expect(post.url.pathname).toBe('/api/v1/privacy/actors/a-7/erase')
    expect(post.headers.get('If-Match')).toBe('"3"')
    expect(screen.getByRole('link', { name: 'Sitzung: Feld minutes' })).toHaveAttribute('href', '/meetings/m-1')
    expect(await axeViolations()).toEqual([])
  })

  it('downloads the Art. 15 document of a person', async () => {
    server.use(
      http.get('/api/v1/actors', () => page([person])),
      http.get('/api/v1/users', () => HttpResponse.json([])),
      http.get('/api/v1/privacy/actors/:id/export', () => HttpResponse.json({
        exportedAt: '2026-12-05T01:00:00Z', actor: person, memberships: [], attendance: [], responsibilities: [], relations: [],
        references: [], mentions: [], auditEntries: [],
      })),
    )
    const created: Blob[] = []
    URL.createObjectURL = (blob: Blob) => { created.push(blob); return 'blob:x' }
    URL.revokeObjectURL = () => {}
    renderApp({ route: '/privacy', user: admin })
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('Person suchen (Name)'), 'Erika')
    await user.click(await screen.findByRole('button', { name: 'Auskunft für Erika Muster herunterladen' }))
    await waitFor(() => expect(created).toHaveLength(1))
    expect(JSON.parse(await created[0].text()).actor.name).toBe('Erika Muster')
  })
})
