import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import { describe, expect, it } from 'vitest'
import { Role, type AuditEntryDto } from '@/api'
import { axeViolations } from '@/testing/axe'
import { renderWithProviders, testUser } from '@/testing/render'
import { page, requests, server } from '@/testing/server'
import { EntityHistory, readableValue } from './entity-history'

const admin = { ...testUser, role: Role.Admin }

function entry(overrides: Partial<AuditEntryDto> = {}): AuditEntryDto {
  return {
    id: 'e-1', occurredAt: '2026-12-04T09:30:00Z', principal: 'user:u-1', userId: 'u-1', apiKeyId: undefined,
    principalName: 'Paula Planung',
    entityType: 'actor', entityId: 'a-1', action: 'update', changes: [{ field: 'name', old: 'Quartiersbüro', new: 'Quartiersbüro Nord' }],
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736', ...overrides,
  }
}

describe('Verlauf (history of an entity)', () => {
  it('shows who changed what when, old → new, page by page, and is axe-clean', async () => {
    server.use(http.get('/api/v1/audit', ({ request }) => {
      const cursor = new URL(request.url).searchParams.get('cursor')
      return cursor
        ? page([entry({
          id: 'e-0', action: 'create', principal: 'key:k-1', userId: undefined, apiKeyId: 'k-1', principalName: 'Fachverfahren',
          changes: [{ field: 'name', old: undefined, new: 'Quartiersbüro' }] })])
        : page([entry()], 'c-2')
    }))
    renderWithProviders(<EntityHistory entityId="a-1" />, { user: admin })

    const table = await screen.findByRole('table', { name: 'Änderungen an diesem Datensatz, neueste zuerst' })
    expect(screen.getByRole('heading', { name: 'Verlauf' })).toBeInTheDocument()
    const row = within(table).getByRole('row', { name: /Paula Planung/ })
    expect(row).toHaveTextContent('geändert')
    expect(row).toHaveTextContent('Name: Quartiersbüro → wird zu Quartiersbüro Nord')
    expect(requests.find((r) => r.url.pathname === '/api/v1/audit')?.url.searchParams.get('entityId')).toBe('a-1')

    await userEvent.setup().click(screen.getByRole('button', { name: 'Ältere Einträge laden' }))
    const older = await within(table).findByRole('row', { name: /Fachverfahren \(API-Schlüssel\)/ })
    expect(older).toHaveTextContent('angelegt')
    expect(older).toHaveTextContent('Name: (leer)')
    expect(screen.queryByRole('button', { name: 'Ältere Einträge laden' })).not.toBeInTheDocument()
    expect(await axeViolations(table.closest('section')!)).toEqual([])
  })

  it('says so when there are no entries', async () => {
    server.use(http.get('/api/v1/audit', () => page([])))
    renderWithProviders(<EntityHistory entityId="a-2" />, { user: admin })
    expect(await screen.findByText('Noch keine Einträge im Verlauf.')).toBeInTheDocument()
  })

  it('is not shown to anyone but administrators (the trail is theirs only)', async () => {
    renderWithProviders(<><h1>Akteur</h1><EntityHistory entityId="a-1" /></>, { user: testUser })
    await screen.findByRole('heading', { name: 'Akteur' })
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Verlauf' })).not.toBeInTheDocument())
    expect(requests.some((r) => r.url.pathname === '/api/v1/audit')).toBe(false)
  })
})

describe('readableValue', () => {
  it('shows lists and records by their plain values, an empty list as nothing, other values as they are', () => {
    expect(readableValue('[{"from":"2026-12-24","to":"2026-12-26","reason":"Weihnachten"},{"from":"2027-01-01","to":null}]'))
      .toBe('2026-12-24, 2026-12-26, Weihnachten; 2027-01-01')
    expect(readableValue('["Beratung","Kita"]')).toBe('Beratung; Kita')
    expect(readableValue('[]')).toBeUndefined()
    expect(readableValue('{"street":"Lindenstraße 12","city":"Teltow"}')).toBe('Lindenstraße 12, Teltow')
    expect(readableValue('[nicht json')).toBe('[nicht json')
    expect(readableValue('Quartiersbüro')).toBe('Quartiersbüro')
    expect(readableValue(undefined)).toBeUndefined()
  })
})
