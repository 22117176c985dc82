import { screen, waitFor, within } from '@testing-library/react'
import { http } from 'msw'
import { describe, expect, it } from 'vitest'
import { Role, type AuditEntryDto } from '@/api'
import { EntityHistory } from '@/components/history/entity-history'
import i18n from '@/lib/i18n'
import { axeViolations } from '@/testing/axe'
import { rawWordsIn } from '@/testing/readable'
import { renderWithProviders, testUser } from '@/testing/render'
import { page, server } from '@/testing/server'
import { spaceHistory } from './history'

const admin = { ...testUser, role: Role.Admin }
const id = '01a246c9-27c9-762a-becf-15d52a3fcf9a'

/** The entries the API wrote for the demo space 12069-PR1: created by the demo data, then edited (GET /api/v1/audit). */
const entries: AuditEntryDto[] = [
  {
    id: '01a246c9-8e91-7c16-94e3-b6c56d7382d8', occurredAt: '2026-12-05T15:19:04.0810994+00:00',
    principal: 'user:01a246c9-247c-71d0-b56e-103fb4be2d68', userId: '01a246c9-247c-71d0-b56e-103fb4be2d68', principalName: 'Administration',
    entityType: 'space', entityId: id, action: 'update', traceId: '19f8e4ec2764553b5ffe192a690b24a2',
    changes: [
      { field: 'name', old: 'Planungsregion Teltow', new: 'Planungsregion Teltow-Nord' },
      { field: 'parentId', old: '01a246c9-27c7-7b24-a7a1-756ba0037dac', new: '01a246c9-281a-71b0-be89-ab7a067667f1' },
      { field: 'parentName', old: 'Landkreis Potsdam-Mittelmark', new: 'Bezirk Marzahn-Hellersdorf' },
      { field: 'population', old: '64000', new: '65123' },
      { field: 'predecessorIds', old: '[]', new: '["01a246c9-27c7-7b24-a7a1-756ba0037dac","01a246c9-0000-7000-8000-000000000099"]' },
      { field: 'validFrom', old: '2016-01-01', new: '2017-01-01' },
    ],
  },
  {
    id: '01a246c9-27ca-7e63-bcfa-858c1c26e44b', occurredAt: '2026-12-05T15:18:37.770215+00:00', principal: 'system',
    entityType: 'space', entityId: id, action: 'create',
    changes: [
      { field: 'childCount', old: undefined, new: '0' },
      { field: 'code', old: undefined, new: '12069-PR1' },
      { field: 'geometry', old: undefined, new: '{"type":"MultiPolygon","coordinates":[[[[13.2,52.4],[13.3,52.4],[13.2,52.4]]]]}' },
      { field: 'level', old: undefined, new: 'planningRegion' },
      { field: 'name', old: undefined, new: 'Planungsregion Teltow' },
      { field: 'parentId', old: undefined, new: '01a246c9-27c7-7b24-a7a1-756ba0037dac' },
      { field: 'parentName', old: undefined, new: 'Landkreis Potsdam-Mittelmark' },
      { field: 'population', old: undefined, new: '64000' },
      { field: 'validFrom', old: undefined, new: '2016-01-01' },
    ],
  },
]

const tree = [{ id: '01a246c9-27c7-7b24-a7a1-756ba0037dac', code: '12069', name: 'Landkreis Potsdam-Mittelmark',
  level: 'county', validFrom: '2016-01-01', children: [] }]

function answer() {
  server.use(
    http.get('/api/v1/audit', () => page(entries)),
    http.get('/api/v1/spaces/tree', () => Response.json(tree)),
  )
}

describe('a space\'s Verlauf', () => {
  it('names the fields as the space\'s page does, with levels, dates, numbers and names in German words', async () => {
    answer()
    renderWithProviders(<EntityHistory entityId={id} entity={spaceHistory} />, { user: admin })
    const table = await screen.findByRole('table', { name: 'Änderungen an diesem Datensatz, neueste zuerst' })
    const [, update, create] = within(table).getAllByRole('row')

    expect(update).toHaveTextContent('Name: Planungsregion Teltow → wird zu Planungsregion Teltow-Nord')
    expect(update).toHaveTextContent('Übergeordneter Raum: Landkreis Potsdam-Mittelmark → wird zu Bezirk Marzahn-Hellersdorf')
    expect(update).toHaveTextContent('Einwohnerzahl: 64.000 → wird zu 65.123')
    expect(update).toHaveTextContent('Gültig ab: 01.01.2016 → wird zu 01.01.2017')
    // the predecessors by the names the space tree has; one ended space is not in today's tree
    await waitFor(() => expect(update).toHaveTextContent(
      'Vorgänger: (leer) → wird zu Landkreis Potsdam-Mittelmark und 1 weiterer Datensatz'))

    expect(create).toHaveTextContent('System')
    expect(create).toHaveTextContent('angelegt')
    expect(create).toHaveTextContent('Kennung: (leer) → wird zu 12069-PR1')
    expect(create).toHaveTextContent('Ebene: (leer) → wird zu Planungsregion')
    expect(create).toHaveTextContent('Umriss: (leer) → wird zu vorhanden')
    expect(create).toHaveTextContent('Gültig ab: (leer) → wird zu 01.01.2016')
    expect(create).not.toHaveTextContent(/Untergeordnete|childCount|13\.2/)
    // the parent once, by its name
    expect(within(create).getAllByText(/Übergeordneter Raum/)).toHaveLength(1)

    expect(rawWordsIn(table)).toEqual([])
    expect(await axeViolations(table.closest('section')!)).toEqual([])
  })

  it('reads in English when English is chosen', async () => {
    answer()
    await i18n.changeLanguage('en')
    renderWithProviders(<EntityHistory entityId={id} entity={spaceHistory} />, { user: admin })
    const table = await screen.findByRole('table', { name: 'Changes to this record, newest first' })
    const [, update, create] = within(table).getAllByRole('row')
    expect(update).toHaveTextContent('Parent space: Landkreis Potsdam-Mittelmark → becomes Bezirk Marzahn-Hellersdorf')
    expect(update).toHaveTextContent('Population: 64,000 → becomes 65,123')
    expect(update).toHaveTextContent('Valid from: 1 Jan 2016 → becomes 1 Jan 2017')
    expect(create).toHaveTextContent('Level: (empty) → becomes Planning region')
    expect(rawWordsIn(table)).toEqual([])
  })
})
