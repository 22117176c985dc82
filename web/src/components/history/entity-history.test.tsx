import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import { describe, expect, it } from 'vitest'
import i18n from '@/lib/i18n'
import { Role, type AuditEntryDto } from '@/api'
import { axeViolations } from '@/testing/axe'
import { renderWithProviders, testUser } from '@/testing/render'
import { page, requests, server } from '@/testing/server'
import { EntityHistory } from './entity-history'
import { fieldWords, historyOf, showChanges, type HistoryContext } from './history-values'

const admin = { ...testUser, role: Role.Admin }

/** A description as a feature gives it, with the actors' labels (each feature's own is tested with its pages). */
const actor = historyOf<{ name: string; parentId: string; parentName: string; archivedAt: string; childCount: number }>('actor', {
  name: { label: 'actors.fields.name' },
  parentId: { label: 'actors.fields.parent', value: { nameIn: 'parentName' } },
  parentName: { label: 'actors.fields.parent' },
  archivedAt: { label: 'actors.history.archivedAt', value: 'instant' },
  childCount: 'hidden',
})

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
    renderWithProviders(<EntityHistory entityId="a-1" entity={actor} />, { user: admin })

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
    renderWithProviders(<EntityHistory entityId="a-2" entity={actor} />, { user: admin })
    expect(await screen.findByText('Noch keine Einträge im Verlauf.')).toBeInTheDocument()
  })

  it('is not shown to anyone but administrators (the trail is theirs only)', async () => {
    renderWithProviders(<><h1>Akteur</h1><EntityHistory entityId="a-1" entity={actor} /></>, { user: testUser })
    await screen.findByRole('heading', { name: 'Akteur' })
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Verlauf' })).not.toBeInTheDocument())
    expect(requests.some((r) => r.url.pathname === '/api/v1/audit')).toBe(false)
  })
})

describe('values in words', () => {
  const ctx = (lng: 'de' | 'en'): HistoryContext => ({ t: i18n.getFixedT(lng), lng, names: {} })
  const change = (field: string, old: string | undefined, now: string | undefined) => ({ field, old, new: now })

  it('shows the name of a related record instead of its id, and leaves hidden fields out', () => {
    const shown = showChanges(entry({ changes: [
      change('childCount', '0', '2'),
      change('parentId', '0190c5a0-0000-7000-8000-00000000000a', '0190c5a0-0000-7000-8000-00000000000b'),
      change('parentName', 'Landkreis Potsdam-Mittelmark', 'Landkreis Teltow-Fläming'),
    ] }), actor, ctx('de'))
    expect(shown).toEqual([
      { field: 'parentName', label: 'Gehört zu', old: 'Landkreis Potsdam-Mittelmark', new: 'Landkreis Teltow-Fläming' },
    ])
    const idOnly = showChanges(entry({ changes: [change('parentId', undefined, '0190c5a0-0000-7000-8000-00000000000b')] }), actor,
      ctx('de'))
    expect(idOnly).toEqual([{ field: 'parentId', label: 'Gehört zu', old: undefined, new: '(Datensatz)' }])
  })

  it('reads a field no description knows yet in words, with dates, yes/no and lists readable and without ids', () => {
    const shown = showChanges(entry({ changes: [
      change('cadenceInterval', '3', '12627'),
      change('renewalStartsOn', '2016-01-01', '2017-03-31'),
      change('isPublic', 'false', 'true'),
      change('closures', '[]', '[{"from":"2026-12-24","to":null,"reason":"Weihnachten"},{"from":"2027-01-01"}]'),
      change('memberIds', null as unknown as undefined, '["0190c5a0-0000-7000-8000-00000000000a","0190c5a0-0000-7000-8000-00000000000b"]'),
      change('operatorId', undefined, '0190c5a0-0000-7000-8000-00000000000a'),
    ] }), actor, ctx('de'))
    expect(shown.map((c) => `${c.label}: ${c.old ?? '–'} → ${c.new ?? '–'}`)).toEqual([
      'Cadence interval: 3 → 12627',
      'Renewal starts on: 01.01.2016 → 31.03.2017',
      'Is public: nein → ja',
      'Closures: – → 24.12.2026, Weihnachten; 01.01.2027',
      'Member ids: – → 2 Datensätze',
      'Operator id: – → (Datensatz)',
    ])
    expect(fieldWords('spaceSource')).toBe('Space source')
    expect(fieldWords('HSDSImport')).toBe('Hsds import')
  })

  it('says "details changed" when the words of both values are the same', async () => {
    await i18n.loadLanguages('en')
    const shown = showChanges(entry({ changes: [change('links', '[{"id":"0190c5a0-0000-7000-8000-00000000000a","n":"A"}]',
      '[{"id":"0190c5a0-0000-7000-8000-00000000000b","n":"A"}]')] }), actor, ctx('en'))
    expect(shown).toEqual([{ field: 'links', label: 'Links', new: 'details changed', detailOnly: true }])
  })
})
