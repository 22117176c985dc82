import { screen, waitFor, within } from '@testing-library/react'
import { http } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { Role, type AuditEntryDto } from '@/api'
import { EntityHistory } from '@/components/history/entity-history'
import { axeViolations } from '@/testing/axe'
import { rawWordsIn } from '@/testing/readable'
import { renderWithProviders, testUser } from '@/testing/render'
import { page, server } from '@/testing/server'
import { locationHistory, roundHistory, serviceHistory } from './history'

const admin = { ...testUser, role: Role.Admin }
const user = { principal: 'user:01a246c9-247c-71d0-b56e-103fb4be2d68', userId: '01a246c9-247c-71d0-b56e-103fb4be2d68',
  principalName: 'Administration' }
const marzahn = '01a246c9-284e-743e-a5fe-8e945b3ec16a'
const agSoziales = '01a246c9-2a57-7be6-b569-cb428723b6fd'
const serviceId = '01a246c9-2fd5-7796-a4dc-de1bacdc982f'

const place = (externalId: string | null) => JSON.stringify([{ id: '01a246c9-2fd5-729c-9eaa-094550114ed0',
  locationId: '01a246c9-2f30-7fcd-8b4c-038bb896f72d', locationName: 'Stadtteilzentrum Marzahn-Mitte', spaceId: marzahn,
  description: null, externalId, contacts: [], phones: [], openingHours: [], closures: [], capacity: [] }])
const allResidents = '{"code":"zg-alle","nameDe":"Alle Einwohnerinnen und Einwohner","nameEn":"All residents"}'

/** What the API recorded for the demo service "Mieterberatung im Stadtteilzentrum": created, edited, archived. */
const serviceEntries: AuditEntryDto[] = [
  {
    id: '01a246c9-a3c1-7f00-8000-000000000003', occurredAt: '2026-12-05T15:19:16.05+00:00', ...user, entityType: 'service',
    entityId: serviceId, action: 'archive', changes: [{ field: 'archivedAt', old: undefined, new: '2026-12-05T15:19:16.0484825+00:00' }],
  },
  {
    id: '01a246c9-a3c1-7f00-8000-000000000002', occurredAt: '2026-12-05T15:19:15.9+00:00', ...user, entityType: 'service',
    entityId: serviceId, action: 'update',
    changes: [
      { field: 'applicationProcess', old: undefined, new: 'Termin per Telefon' },
      { field: 'isFree', old: 'true', new: 'false' },
      { field: 'languages', old: '[]', new: '[{"code":"de","name":null,"note":null},{"code":"tr","name":null,"note":null}]' },
      { field: 'locations', old: place('be-mieterberatung@01a246c9'), new: place(null) },
      { field: 'networkIds', old: '[]', new: `["${agSoziales}"]` },
      { field: 'openingHours', old: '[]', new: '[{"frequency":"weekly","days":["wednesday","monday"],"opensAt":"09:00",' +
        '"closesAt":"12:00","validFrom":null,"validTo":null,"description":null,"notes":null,"dtstart":null,"until":null,' +
        '"count":null,"interval":null,' +
        '"weekStart":null,"byWeekNo":null,"byMonthDay":null,"byYearDay":null,"timezone":null,"scheduleLink":null,"attendingType":null}]' },
      { field: 'operatorId', old: '01a246c9-2912-7990-a573-c175ad533cd4', new: '01a246c9-290c-7b46-8c0d-069fa0deedd9' },
      { field: 'operatorName', old: 'Nachbarschaftszentrum Marzahn-Mitte e.V.', new: 'Bezirksamt Marzahn-Hellersdorf' },
      { field: 'servedSpaceIds', old: '[]', new: `["${marzahn}"]` },
      { field: 'status', old: 'active', new: 'inactive' },
      { field: 'targetGroups', old: `[${allResidents}]`,
        new: `[{"code":"zg-senioren","nameDe":"Seniorinnen und Senioren","nameEn":"Older people"},${allResidents}]` },
      { field: 'verificationIntervalMonths', old: '12', new: '6' },
    ],
  },
  {
    id: '01a246c9-2fd5-7f00-8000-000000000001', occurredAt: '2026-12-05T15:18:39.83+00:00', principal: 'system', entityType: 'service',
    entityId: serviceId, action: 'create',
    changes: [
      { field: 'categories', old: undefined, new: '[{"code":"beratung-sozial","nameDe":"Allgemeine Sozialberatung","nameEn":"General ' +
        'social counselling"},{"code":"beratung-wohnungsnot","nameDe":"Wohnungsnotfallhilfe","nameEn":"Homelessness assistance"}]' },
      { field: 'externalId', old: undefined, new: 'be-mieterberatung' },
      { field: 'minimumAge', old: undefined, new: '18' },
      { field: 'name', old: undefined, new: 'Mieterberatung im Stadtteilzentrum' },
    ],
  },
]

const locationId = '01a246c9-2f81-7191-ad14-b6c93fdb593b'
const access = (lift: boolean) => JSON.stringify({ stepFreeAccess: true, accessibleToilet: true, lift, hearingLoop: null,
  description: 'Stufenlos, Rollatorstellplätze.', details: null, url: null })
const locationEntries: AuditEntryDto[] = [{
  id: '01a246c9-b000-7f00-8000-000000000001', occurredAt: '2026-12-05T15:19:18+00:00', ...user, entityType: 'location',
  entityId: locationId, action: 'update',
  changes: [
    { field: 'accessibility', old: access(true), new: access(false) },
    { field: 'closures', old: '[]', new: '[{"kind":"holiday","startsOn":"2026-12-24","endsOn":"2026-12-31","reason":"Weihnachten"}]' },
    { field: 'latitude', old: '52.5355', new: '52.54' },
    { field: 'spaceCode', old: 'BE-10-PGR-1020', new: 'BE-10-PGR-1010' },
    { field: 'spaceId', old: '01a246c9-2873-74ea-b0a1-ef5a5ca5558c', new: marzahn },
    { field: 'spaceName', old: 'Prognoseraum Hellersdorf', new: 'Prognoseraum Marzahn' },
    { field: 'spaceSource', old: 'derived', new: 'manual' },
    { field: 'validFrom', old: undefined, new: '2026-01-01' },
  ],
}]

const roundId = '01a246c9-2fb8-7cf3-9a93-cd8ab9104793'
const roundEntries: AuditEntryDto[] = [
  {
    id: '01a246c9-c000-7f00-8000-000000000002', occurredAt: '2026-12-05T15:19:21.3+00:00', ...user, entityType: 'inventoryRound',
    entityId: roundId, action: 'close',
    changes: [
      { field: 'closedAt', old: undefined, new: '2026-12-05T15:19:21.299206+00:00' },
      { field: 'status', old: 'open', new: 'closed' },
    ],
  },
  {
    id: '01a246c9-c000-7f00-8000-000000000001', occurredAt: '2026-12-05T15:19:20+00:00', ...user, entityType: 'inventoryRound',
    entityId: roundId, action: 'update',
    changes: [
      { field: 'assignments', old: '[]', new: '[{"actorId":"01a246c9-290c-79ad-9760-16463256f9e1",' +
        '"actorName":"Jugendamt Marzahn-Hellersdorf",' +
        `"spaceId":null,"spaceName":null,"categoryCode":"jugendclub"},{"actorId":"01a246c9-290c-7b46-8c0d-069fa0deedd9","actorName":` +
        `"Bezirksamt Marzahn-Hellersdorf","spaceId":"${marzahn}","spaceName":"Prognoseraum Marzahn","categoryCode":null}]` },
      { field: 'endsOn', old: '2027-01-14', new: '2027-02-28' },
      { field: 'previousRoundId', old: undefined, new: '01a246c9-2fb8-7cf3-9a93-000000000000' },
    ],
  },
]

const table = () => screen.findByRole('table', { name: 'Änderungen an diesem Datensatz, neueste zuerst' })

describe('the Verlauf of the inventory', () => {
  beforeEach(() => { vi.stubEnv('TZ', 'Europe/Berlin') })

  it('a service: statuses, operator, target groups, networks and spaces by name, hours and languages in words', async () => {
    server.use(
      http.get('/api/v1/audit', () => page(serviceEntries)),
      http.get('/api/v1/networks', () => page([{ id: agSoziales, name: 'AG Soziales' }])),
      http.get('/api/v1/spaces/tree', () => Response.json([{ id: marzahn, code: 'BE-10-PGR-1010', name: 'Prognoseraum Marzahn',
        level: 'planningRegion', validFrom: '2021-01-01', children: [] }])),
    )
    renderWithProviders(<EntityHistory entityId={serviceId} entity={serviceHistory} />, { user: admin })
    const history = await table()
    const [, archive, update, create] = within(history).getAllByRole('row')

    expect(archive).toHaveTextContent('archiviert')
    expect(archive).toHaveTextContent('Archiviert am: (leer) → wird zu 05.12.2026, 16:19')

    expect(update).toHaveTextContent('Zugang: (leer) → wird zu Termin per Telefon')
    expect(update).toHaveTextContent('Kostenlos: ja → wird zu nein')
    expect(update).toHaveTextContent('Sprachen: (leer) → wird zu Deutsch; Türkisch')
    expect(update).toHaveTextContent('Einrichtungen: Einzelheiten geändert')
    await waitFor(() => expect(update).toHaveTextContent('Netzwerke: (leer) → wird zu AG Soziales'))
    await waitFor(() => expect(update).toHaveTextContent('Versorgte Sozialräume: (leer) → wird zu Prognoseraum Marzahn'))
    expect(update).toHaveTextContent('Öffnungszeiten: (leer) → wird zu Mo, Mi 09:00–12:00 Uhr')
    expect(update).toHaveTextContent('Träger: Nachbarschaftszentrum Marzahn-Mitte e.V. → wird zu Bezirksamt Marzahn-Hellersdorf')
    expect(update).toHaveTextContent('Status: aktiv → wird zu inaktiv')
    expect(update).toHaveTextContent(
      'Zielgruppen: Alle Einwohnerinnen und Einwohner → wird zu Seniorinnen und Senioren; Alle Einwohnerinnen und Einwohner')
    expect(update).toHaveTextContent('Prüfabstand in Monaten: 12 → wird zu 6')

    expect(create).toHaveTextContent('Kategorien: (leer) → wird zu Allgemeine Sozialberatung; Wohnungsnotfallhilfe')
    expect(create).toHaveTextContent('Alter von: (leer) → wird zu 18')
    expect(create).toHaveTextContent('Externe ID: (leer) → wird zu be-mieterberatung')

    expect(rawWordsIn(history)).toEqual([])
    expect(await axeViolations(history.closest('section')!)).toEqual([])
  })

  it('a facility: accessibility, closures, coordinates, its space and how it was assigned', async () => {
    server.use(http.get('/api/v1/audit', () => page(locationEntries)))
    renderWithProviders(<EntityHistory entityId={locationId} entity={locationHistory} />, { user: admin })
    const [, update] = within(await table()).getAllByRole('row')
    expect(update).toHaveTextContent('Barrierefreiheit: Stufenloser Zugang: ja, Barrierefreies WC: ja, Aufzug: ja; ' +
      'Stufenlos, Rollatorstellplätze. → wird zu ' +
      'Stufenloser Zugang: ja, Barrierefreies WC: ja, Aufzug: nein; Stufenlos, Rollatorstellplätze.')
    expect(update).toHaveTextContent('Schließzeiten: (leer) → wird zu Feiertag / Ferien: 24.12.2026 bis 31.12.2026 (Weihnachten)')
    expect(update).toHaveTextContent('Breitengrad (WGS 84): 52,5355 → wird zu 52,54')
    expect(update).toHaveTextContent('Sozialraum: Prognoseraum Hellersdorf → wird zu Prognoseraum Marzahn')
    expect(update).toHaveTextContent('Zuordnung zum Sozialraum: aus den Koordinaten ermittelt → wird zu von Hand zugeordnet')
    expect(update).toHaveTextContent('Gültig ab: (leer) → wird zu 01.01.2026')
    expect(update).not.toHaveTextContent('BE-10-PGR')
    expect(rawWordsIn(update)).toEqual([])
  })

  it('an inventory round: its status, dates and who checks what', async () => {
    server.use(http.get('/api/v1/audit', () => page(roundEntries)))
    renderWithProviders(<EntityHistory entityId={roundId} entity={roundHistory} />, { user: admin })
    const [, close, update] = within(await table()).getAllByRole('row')
    expect(close).toHaveTextContent('abgeschlossen')
    expect(close).toHaveTextContent('Abgeschlossen am: (leer) → wird zu 05.12.2026, 16:19')
    expect(close).toHaveTextContent('Status: laufend → wird zu abgeschlossen')
    expect(update).toHaveTextContent('Zuständigkeiten: (leer) → wird zu Jugendamt Marzahn-Hellersdorf (jugendclub); ' +
      'Bezirksamt Marzahn-Hellersdorf (Prognoseraum Marzahn)')
    expect(update).toHaveTextContent('Ende: 14.01.2027 → wird zu 28.02.2027')
    expect(update).toHaveTextContent('Vergleichen mit: (leer) → wird zu (Datensatz)')
    expect(rawWordsIn(close)).toEqual([])
    expect(rawWordsIn(update)).toEqual([])
  })
})
