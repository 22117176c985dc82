import { screen, within } from '@testing-library/react'
import { http } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { Role, type AuditEntryDto } from '@/api'
import { EntityHistory } from '@/components/history/entity-history'
import { axeViolations } from '@/testing/axe'
import { rawWordsIn } from '@/testing/readable'
import { renderWithProviders, testUser } from '@/testing/render'
import { page, server } from '@/testing/server'
import { meetingHistory, networkHistory } from './history'

const admin = { ...testUser, role: Role.Admin }
const networkId = '01a246c9-2a57-7be6-b569-cb428723b6fd'
const user = { principal: 'user:01a246c9-247c-71d0-b56e-103fb4be2d68', userId: '01a246c9-247c-71d0-b56e-103fb4be2d68',
  principalName: 'Administration' }

/** What the API recorded for the demo network "AG Soziales": created by the demo data, edited, ended (GET /api/v1/audit). */
const networkEntries: AuditEntryDto[] = [
  {
    id: '01a246c9-9d54-7052-8802-de2ad5bddcbe', occurredAt: '2026-12-05T15:19:07.8601369+00:00', ...user,
    entityType: 'network', entityId: networkId, action: 'end',
    changes: [
      { field: 'endedOn', old: undefined, new: '2026-12-01' },
      { field: 'memberCount', old: '3', new: '0' },
      { field: 'status', old: 'paused', new: 'ended' },
    ],
  },
  {
    id: '01a246c9-9a10-7d8e-9c1e-0e3c5b1c0a11', occurredAt: '2026-12-05T15:19:06.1+00:00', ...user,
    entityType: 'network', entityId: networkId, action: 'update',
    changes: [
      { field: 'cadenceInterval', old: '3', new: '6' },
      { field: 'cadenceUnit', old: 'months', new: 'weeks' },
      { field: 'coordinatorActorId', old: '01a246c9-2911-7191-9657-2de65df09472', new: undefined },
      { field: 'coordinatorActorName', old: 'Kompetenzzentrum Großsiedlungen e.V.', new: undefined },
      { field: 'functions', old: '["coordination","implementation"]', new: '["negotiation","coordination","implementation"]' },
      { field: 'goals', old: '["Soziale Mischung steigern"]', new: '["Soziale Mischung steigern","Neues Ziel"]' },
      { field: 'links', old: '[]',
        new: '[{"networkId":"01a246c9-2a4a-7fdb-b8a8-3339235baa72","networkName":"Lenkrunde Marzahn","type":"reportsTo","note":null}]' },
      { field: 'mandatedBy', old: 'Kompetenzzentrum Großsiedlungen e.V.', new: undefined },
      { field: 'startedOn', old: '2012-05-02', new: '2012-06-01' },
      { field: 'status', old: 'active', new: 'paused' },
    ],
  },
  {
    id: '01a246c9-2a58-7c2e-8a5c-1f0e0c0b0a01', occurredAt: '2026-12-05T15:18:38.43+00:00', principal: 'system',
    entityType: 'network', entityId: networkId, action: 'create',
    changes: [
      { field: 'kind', old: undefined, new: 'workingGroup' },
      { field: 'mandatedOn', old: undefined, new: '2012-05-02' },
      { field: 'memberCount', old: undefined, new: '0' },
      { field: 'name', old: undefined, new: 'AG Soziales (Kompetenzzentrum Großsiedlungen)' },
      { field: 'spaces', old: undefined, new: '[{"id":"01a246c9-27c5-7891-ab34-266a26808c8d","code":"11","name":"Berlin"}]' },
    ],
  },
]

const meetingId = '01a246c9-2a61-78e7-a4e8-592d564c6502'
const meetingEntries: AuditEntryDto[] = [{
  id: '01a246c9-2a61-7ce6-ac4f-b2654df66faa', occurredAt: '2026-12-05T15:18:38.4333647+00:00', principal: 'system',
  entityType: 'meeting', entityId: meetingId, action: 'create',
  changes: [
    { field: 'attendance', old: undefined, new: '[{"memberId":"01a246c9-2a60-7a87-b082-50a19aa6af3f","actorId":"01a246c9-297d-75ac-9b90-' +
      'd8a73836ca9d","actorName":"Kommunaler Sozialverband Sachsen","role":"member","attendance":"present"},{"memberId":"01a246c9-2a5f-' +
      '72d5-82b8-7aef87618889","actorId":"01a246c9-297c-7a46-8190-b1b3d83c562b","actorName":"Liga der Freien Wohlfahrtspflege",' +
      '"role":"member","attendance":"excused"}]' },
    { field: 'cancelled', old: undefined, new: 'false' },
    { field: 'decisions', old: undefined, new: '["N\\u00E4chster Termin im September."]' },
    { field: 'endsAt', old: undefined, new: '2012-05-03T14:00:00+00:00' },
    { field: 'networkId', old: undefined, new: '01a246c9-2a5e-7c4a-b51f-ec3d5048ead3' },
    { field: 'networkName', old: undefined, new: 'Gremium Kooperation mit Plan (Sachsen)' },
    { field: 'startsAt', old: undefined, new: '2012-05-03T08:00:00+00:00' },
    { field: 'title', old: undefined, new: 'Werkstatt-Tag' },
  ],
}]

describe('the Verlauf of networks and meetings', () => {
  beforeEach(() => { vi.stubEnv('TZ', 'Europe/Berlin') })

  it('a network: statuses, kinds, functions, cadence and links in words, dates the German way, no counts', async () => {
    server.use(http.get('/api/v1/audit', () => page(networkEntries)))
    renderWithProviders(<EntityHistory entityId={networkId} entity={networkHistory} />, { user: admin })
    const table = await screen.findByRole('table', { name: 'Änderungen an diesem Datensatz, neueste zuerst' })
    const [, end, update, create] = within(table).getAllByRole('row')

    expect(end).toHaveTextContent('beendet')
    expect(end).toHaveTextContent('Ende: (leer) → wird zu 01.12.2026')
    expect(end).toHaveTextContent('Status: ruht → wird zu beendet')
    expect(end).not.toHaveTextContent(/Mitglied|memberCount/)

    expect(update).toHaveTextContent('Sitzungsrhythmus (Anzahl): 3 → wird zu 6')
    expect(update).toHaveTextContent('Sitzungsrhythmus (Einheit): Monate → wird zu Wochen')
    expect(update).toHaveTextContent('Koordination: Kompetenzzentrum Großsiedlungen e.V. → wird zu (leer)')
    expect(update).toHaveTextContent('Funktionen: Koordination, Umsetzung → wird zu Aushandlung, Koordination, Umsetzung')
    expect(update).toHaveTextContent('Ziele: Soziale Mischung steigern → wird zu Soziale Mischung steigern; Neues Ziel')
    expect(update).toHaveTextContent('Verbindungen: (leer) → wird zu berichtet an Lenkrunde Marzahn')
    expect(update).toHaveTextContent('Beauftragt durch: Kompetenzzentrum Großsiedlungen e.V. → wird zu (leer)')
    expect(update).toHaveTextContent('Beginn: 02.05.2012 → wird zu 01.06.2012')
    expect(update).toHaveTextContent('Status: aktiv → wird zu ruht')
    // the coordinator once, by name (the id beside it is left out)
    expect(within(update).getAllByRole('listitem').filter((li) => li.textContent?.startsWith('Koordination:'))).toHaveLength(1)

    expect(create).toHaveTextContent('Art: (leer) → wird zu Arbeitsgruppe')
    expect(create).toHaveTextContent('Beauftragt am: (leer) → wird zu 02.05.2012')
    expect(create).toHaveTextContent('Sozialräume: (leer) → wird zu Berlin')

    expect(rawWordsIn(table)).toEqual([])
    expect(await axeViolations(table.closest('section')!)).toEqual([])
  })

  it('a meeting: its network by name, times in local time, attendance and yes/no in words', async () => {
    server.use(http.get('/api/v1/audit', () => page(meetingEntries)))
    renderWithProviders(<EntityHistory entityId={meetingId} entity={meetingHistory} />, { user: admin })
    const table = await screen.findByRole('table', { name: 'Änderungen an diesem Datensatz, neueste zuerst' })
    const [, create] = within(table).getAllByRole('row')
    expect(create).toHaveTextContent(
      'Anwesenheit: (leer) → wird zu Kommunaler Sozialverband Sachsen: anwesend; Liga der Freien Wohlfahrtspflege: entschuldigt')
    expect(create).toHaveTextContent('Abgesagt: (leer) → wird zu nein')
    expect(create).toHaveTextContent('Beschlüsse: (leer) → wird zu Nächster Termin im September.')
    expect(create).toHaveTextContent('Beginn: (leer) → wird zu 03.05.2012, 10:00')
    expect(create).toHaveTextContent('Ende: (leer) → wird zu 03.05.2012, 16:00')
    expect(create).toHaveTextContent('Netzwerk: (leer) → wird zu Gremium Kooperation mit Plan (Sachsen)')
    expect(create).toHaveTextContent('Titel: (leer) → wird zu Werkstatt-Tag')
    expect(rawWordsIn(table)).toEqual([])
    expect(await axeViolations(table.closest('section')!)).toEqual([])
  })
})
