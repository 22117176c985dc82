import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { AgreementStatus, GrantScope, Role } from '@/api'
import { axeViolations } from '@/testing/axe'
import { network, task } from '@/testing/fixtures'
import { renderApp, testUser } from '@/testing/render'
import { page, problem, requests, server } from '@/testing/server'

describe('agreements board', () => {
  it('moves a card with the keyboard-usable status control, sending If-Match', async () => {
    const open = task({
      id: 't-1',
      title: 'Bestandsaufnahme vorbereiten',
      version: 3,
      dueDate: '2024-05-31',
      isOverdue: true,
      meetingId: 'mt-1',
      meetingStartsAt: '2024-05-03T08:00:00Z',
      responsibles: [
        { actorId: 'a-1', name: 'Jugendamt' },
        { actorId: 'a-2', name: 'Stadtteilladen' },
      ],
    })
    let moved = false
    server.use(
      http.get('/api/v1/networks', () => page([network({ id: 'n-1', name: 'Fokusgruppe Bildung' })])),
      http.get('/api/v1/actors', () => page([])),
      http.get('/api/v1/tasks', ({ request }) => {
        const status = new URL(request.url).searchParams.get('status')
        return page(status === (moved ? AgreementStatus.Done : AgreementStatus.Open)
          ? [moved ? { ...open, status: AgreementStatus.Done, isOverdue: false, version: 4 } : open] : [])
      }),
      http.put('/api/v1/tasks/t-1', async ({ request }) => {
        moved = true
        return HttpResponse.json({ ...open, ...((await request.json()) as object), version: 4, isOverdue: false })
      }),
    )
    renderApp({ route: '/tasks' })
    const user = userEvent.setup()

    const openColumn = await screen.findByRole('region', { name: /^Offen/ })
    const card = await within(openColumn).findByRole('article', { name: 'Bestandsaufnahme vorbereiten' })
    // Overdue is said in words, not only shown by colour.
    expect(within(card).getByText(/überfällig seit 31\.05\.2024/)).toBeInTheDocument()
    expect(card).toHaveTextContent('Jugendamt, Stadtteilladen')
    expect(within(card).getByRole('link', { name: 'Fokusgruppe Bildung' })).toHaveAttribute('href', '/networks/n-1')
    expect(await axeViolations()).toEqual([])

    await user.selectOptions(within(card).getByRole('combobox', { name: 'Status von „Bestandsaufnahme vorbereiten“' }), 'done')
    await user.click(within(card).getByRole('button', { name: 'Verschieben: Bestandsaufnahme vorbereiten' }))

    const put = await waitFor(() => {
      const r = requests.find((x) => x.method === 'PUT')
      expect(r).toBeDefined()
      return r!
    })
    expect(put.headers.get('If-Match')).toBe('"3"')
    expect(put.body).toEqual({
      networkId: 'n-1',
      meetingId: 'mt-1',
      title: 'Bestandsaufnahme vorbereiten',
      responsibleActorIds: ['a-1', 'a-2'],
      dueDate: '2024-05-31',
      status: 'done',
    })
    expect(await screen.findByText('„Bestandsaufnahme vorbereiten“ steht jetzt unter „Erledigt“.')).toBeInTheDocument()
    const doneColumn = screen.getByRole('region', { name: /^Erledigt/ })
    const movedCard = await within(doneColumn).findByRole('article', { name: 'Bestandsaufnahme vorbereiten' })
    // Focus follows the card into its new column.
    await waitFor(() => expect(within(movedCard).getByRole('heading', { level: 3 })).toHaveFocus())
    expect(within(openColumn).getByText('Keine offenen Verabredungen.')).toBeInTheDocument()
  })

  it('offers the status control on the cards of the networks a viewer holds a grant for, and only there', async () => {
    server.use(
      http.get('/api/v1/networks', () => page([network({ id: 'n-1', name: 'Steuerungsrunde Teltow' }),
        network({ id: 'n-2', name: 'Fokusgruppe Bildung' })])),
      http.get('/api/v1/actors', () => page([])),
      http.get('/api/v1/tasks', ({ request }) => page(new URL(request.url).searchParams.get('status') === AgreementStatus.Open
        ? [task({ id: 't-1', title: 'Protokoll versenden', networkId: 'n-1', networkName: 'Steuerungsrunde Teltow' }),
          task({ id: 't-2', title: 'Raum buchen', networkId: 'n-2', networkName: 'Fokusgruppe Bildung' })]
        : [])),
    )
    renderApp({ route: '/tasks', user: { ...testUser, role: Role.Viewer,
      grants: [{ role: Role.Coordinator, scope: GrantScope.Network, targetId: 'n-1', targetName: 'Steuerungsrunde Teltow' }] } })
    const openColumn = await screen.findByRole('region', { name: /^Offen/ })
    const mine = await within(openColumn).findByRole('article', { name: 'Protokoll versenden' })
    const other = within(openColumn).getByRole('article', { name: 'Raum buchen' })
    expect(within(mine).getByRole('combobox', { name: 'Status von „Protokoll versenden“' })).toBeInTheDocument()
    expect(within(other).queryByRole('combobox')).toBeNull()
  })

  it('filters by network, responsible and overdue, and explains a stale card (412)', async () => {
    const t1 = task({ id: 't-9', title: 'Einladung verschicken', version: 2 })
    server.use(
      http.get('/api/v1/networks', () => page([network({ id: 'n-7', name: 'Lenkrunde' })])),
      http.get('/api/v1/actors', () => page([{ id: 'a-7', name: 'Jobcenter' }])),
      http.get('/api/v1/tasks', ({ request }) => page(new URL(request.url).searchParams.get('status') === 'open' ? [t1] : [])),
      http.put('/api/v1/tasks/t-9', () => problem(412, 'Precondition failed')),
    )
    renderApp({ route: '/tasks' })
    const user = userEvent.setup()
    await screen.findByRole('article', { name: 'Einladung verschicken' })
    await user.selectOptions(screen.getByRole('combobox', { name: 'Netzwerk' }), 'n-7')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Verantwortlich' }), 'a-7')
    await user.click(screen.getByRole('checkbox', { name: 'Nur überfällige' }))
    await waitFor(() => {
      const last = requests.filter((r) => r.url.pathname === '/api/v1/tasks').at(-1)!
      expect(Object.fromEntries(last.url.searchParams)).toMatchObject({ networkId: 'n-7', responsibleActorId: 'a-7', overdue: 'true' })
    })
    const card = await screen.findByRole('article', { name: 'Einladung verschicken' })
    await user.selectOptions(within(card).getByRole('combobox'), 'inProgress')
    await user.click(within(card).getByRole('button', { name: /^Verschieben/ }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '„Einladung verschicken“ konnte nicht verschoben werden: Der Datensatz wurde inzwischen geändert – bitte neu laden')
  })
})
