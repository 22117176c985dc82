import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { AttentionReason, NetworkLinkType, NetworkStatus } from '@/api'
import { renderMarkdown } from '@/lib/markdown'
import { axeViolations } from '@/testing/axe'
import { health, network, networkMember, spaceTree } from '@/testing/fixtures'
import { renderApp } from '@/testing/render'
import { page, problem, requests, server } from '@/testing/server'

const empty = () => page([])

/** What the network pages read besides their own data; a test's own handlers go first. */
function withBaseApi(...handlers: Parameters<typeof server.use>) {
  server.use(
    ...handlers,
    http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
    http.get('/api/v1/actors', empty),
    http.get('/api/v1/networks', empty),
    http.get('/api/v1/networks/attention', () => HttpResponse.json([])),
  )
}

/** The network detail page's panels for network `id`, empty. */
function detailPanels(id: string) {
  return [
    http.get(`/api/v1/networks/${id}/health`, () => HttpResponse.json(health({ networkId: id }))),
    http.get(`/api/v1/networks/${id}/composition`, () =>
      HttpResponse.json({ networkId: id, on: '2026-01-01', total: 0, organisations: 0, persons: 0, sectors: [], roles: [] }),
    ),
    http.get(`/api/v1/networks/${id}/members`, empty),
    http.get(`/api/v1/networks/${id}/meetings`, empty),
    http.get('/api/v1/tasks', empty),
  ]
}

describe('Markdown rendering', () => {
  it('renders Markdown and strips scripts, event handlers and javascript: links', () => {
    const html = renderMarkdown(
      '# Protokoll\n\n**Beschluss** gefasst<script>alert(1)</script>\n\n<img src="x" onerror="alert(2)">\n\n[Klick](javascript:alert(3)) ' +
        '[Seite](https://example.org)',
    )
    const doc = new DOMParser().parseFromString(html, 'text/html')
    expect(doc.querySelector('h3')?.textContent).toBe('Protokoll')
    expect(doc.querySelector('h1')).toBeNull()
    // Levels used are renumbered without gaps from the given level.
    const levels = new DOMParser().parseFromString(renderMarkdown('## A\n\n#### B\n\n## C', 2), 'text/html')
    expect([...levels.querySelectorAll('h2, h3, h4')].map((h) => `${h.tagName}:${h.textContent}`)).toEqual(['H2:A', 'H3:B', 'H2:C'])
    expect(doc.querySelector('strong')?.textContent).toBe('Beschluss')
    expect(doc.querySelector('script')).toBeNull()
    expect(html).not.toContain('alert(1)')
    expect(doc.querySelector('img')?.hasAttribute('onerror')).toBe(false)
    const links = [...doc.querySelectorAll('a')]
    expect(links.find((a) => a.textContent === 'Klick')?.getAttribute('href') ?? null).toBeNull()
    expect(links.find((a) => a.textContent === 'Seite')?.getAttribute('rel')).toBe('noopener noreferrer')
  })
})

describe('meeting form', () => {
  it('previews the minutes as Markdown without running scripts, and sends the meeting', async () => {
    const n = network({ id: 'n-1', name: 'Fokusgruppe Bildung' })
    const members = [networkMember({ id: 'm-a', actorName: 'Grundschule Teltow' }), networkMember({ id: 'm-b', actorName: 'Jugendamt' })]
    withBaseApi(
      http.get('/api/v1/networks/n-1', () => HttpResponse.json(n)),
      http.get('/api/v1/networks/n-1/members', () => page(members)),
      http.post('/api/v1/networks/n-1/meetings', () =>
        HttpResponse.json({ title: 'Invalid', status: 400, errors: { 'decisions[0]': ['Decision too long.'] } }, { status: 400 }),
      ),
    )
    renderApp({ route: '/networks/n-1/meetings/new' })
    const user = userEvent.setup()
    await screen.findByRole('heading', { level: 1, name: 'Sitzung von Fokusgruppe Bildung erfassen' })

    const minutes = screen.getByRole('textbox', { name: /^Protokoll/ })
    await user.click(minutes)
    await user.paste(
      '## Ergebnisse\n\n- **Bestandsaufnahme** bis September\n\n<script>window.__pwned = true</script><img src="x" ' +
      'onerror="window.__pwned = true">')
    const group = screen.getByRole('group', { name: 'Ansicht für Protokoll' })
    await user.click(within(group).getByRole('button', { name: 'Vorschau' }))
    expect(within(group).getByRole('button', { name: 'Vorschau' })).toHaveAttribute('aria-pressed', 'true')

    const preview = screen.getByRole('region', { name: 'Vorschau: Protokoll' })
    expect(within(preview).getByRole('heading', { level: 2, name: 'Ergebnisse' })).toBeInTheDocument()
    expect(within(preview).getByText('Bestandsaufnahme').tagName).toBe('STRONG')
    expect(preview.querySelector('script')).toBeNull()
    expect(preview.querySelector('img')?.hasAttribute('onerror')).toBe(false)
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined()
    // The text stays in the form while the preview is shown.
    expect(minutes).not.toBeVisible()
    await user.click(within(group).getByRole('button', { name: 'Bearbeiten' }))
    expect(minutes).toBeVisible()
    expect((minutes as HTMLTextAreaElement).value).toContain('## Ergebnisse')

    // Attendance per member, a decision; the server's error for decisions[0] lands at that field.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Anwesenheit von Grundschule Teltow' }), 'present')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Anwesenheit von Jugendamt' }), 'excused')
    await user.click(screen.getByRole('button', { name: 'Beschluss hinzufügen' }))
    await user.type(screen.getByRole('textbox', { name: 'Beschluss 1' }), 'Bestandsaufnahme beginnen')
    await user.click(screen.getByRole('button', { name: 'Sitzung speichern' }))
    expect(await screen.findByText('Decision too long.')).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Beschluss 1' })).toHaveAttribute('aria-invalid', 'true')

    const post = requests.find((r) => r.method === 'POST')
    const body = post!.body as { minutes: string; startsAt: string }
    expect(body).toMatchObject({
      cancelled: false,
      decisions: ['Bestandsaufnahme beginnen'],
      attendance: [
        { memberId: 'm-a', attendance: 'present' },
        { memberId: 'm-b', attendance: 'excused' },
      ],
    })
    expect(body.minutes).toContain('<script>')
    expect(body.startsAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/)
  })
})

describe('network form', () => {
  it('requires the mandate, in German, before sending', async () => {
    withBaseApi()
    renderApp({ route: '/networks/new' })
    const user = userEvent.setup()
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Lenkrunde Teltow')
    await user.click(screen.getByRole('button', { name: 'Netzwerk anlegen' }))
    const mandate = screen.getByRole('textbox', { name: /^Aufgabenstellung/ })
    expect(mandate).toHaveAccessibleDescription(/Ohne Aufgabenstellung weiß niemand, warum man sich trifft/)
    expect(mandate).toHaveAttribute('aria-invalid', 'true')
    expect(requests.some((r) => r.method === 'POST')).toBe(false)
  })

  it('shows the server field error at the link row it belongs to (links[0].targetNetworkId)', async () => {
    const target = network({ id: 'n-target', name: 'Lenkrunde Teltow' })
    withBaseApi(
      http.get('/api/v1/networks', () => page([target])),
      http.post('/api/v1/networks', () =>
        HttpResponse.json(
          { title: 'The request is invalid', status: 400,
            errors: { 'links[0].targetNetworkId': ['This link would close a cycle (A → B → A).'] } },
          { status: 400 },
        ),
      ),
    )
    renderApp({ route: '/networks/new' })
    const user = userEvent.setup()
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Fokusgruppe Bildung')
    await user.selectOptions(screen.getByRole('combobox', { name: /^Art/ }), 'focusGroup')
    await user.type(screen.getByRole('textbox', { name: /^Aufgabenstellung/ }), 'Bildungsangebote im Quartier abstimmen.')
    await user.click(screen.getByRole('checkbox', { name: 'Koordination' }))
    await user.type(screen.getByRole('textbox', { name: /^Ziele/ }), 'Übergänge Kita–Schule{enter}Ganztag')
    await user.type(screen.getByRole('spinbutton', { name: /^Alle/ }), '3')
    await user.selectOptions(screen.getByRole('combobox', { name: /^Einheit/ }), 'months')
    await user.click(screen.getByRole('button', { name: 'Verbindung hinzufügen' }))
    const link = screen.getByRole('group', { name: 'Verbindung 1' })
    await waitFor(() => expect(within(link).getAllByRole('option', { name: 'Lenkrunde Teltow' })).toHaveLength(1))
    await user.selectOptions(within(link).getByRole('combobox', { name: /^Netzwerk/ }), 'n-target')
    await user.click(screen.getByRole('button', { name: 'Netzwerk anlegen' }))

    const targetSelect = within(link).getByRole('combobox', { name: /^Netzwerk/ })
    await waitFor(() => expect(targetSelect).toHaveAttribute('aria-invalid', 'true'))
    expect(targetSelect).toHaveAccessibleDescription('This link would close a cycle (A → B → A).')
    expect(targetSelect).toHaveFocus()
    expect(screen.getByRole('alert')).toHaveTextContent('Bitte prüfen Sie die markierten Felder.')
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      name: 'Fokusgruppe Bildung',
      kind: 'focusGroup',
      status: 'active',
      mandate: 'Bildungsangebote im Quartier abstimmen.',
      functions: ['coordination'],
      goals: ['Übergänge Kita–Schule', 'Ganztag'],
      cadenceInterval: 3,
      cadenceUnit: 'months',
      spaceIds: [],
      links: [{ targetNetworkId: 'n-target', type: 'delegatesTo' }],
    })
  })

  it('explains a stale version (412) in German and offers to reload', async () => {
    const n = network({ id: 'n-e', name: 'Lenkrunde', version: 7 })
    withBaseApi(
      http.get('/api/v1/networks/n-e', () => HttpResponse.json(n)),
      http.put('/api/v1/networks/n-e', () => problem(412, 'Precondition failed')),
    )
    renderApp({ route: '/networks/n-e/edit' })
    const user = userEvent.setup()
    await user.selectOptions(await screen.findByRole('combobox', { name: /^Status/ }), 'paused')
    await user.click(screen.getByRole('button', { name: 'Änderungen speichern' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Der Datensatz wurde inzwischen geändert – bitte neu laden')
    expect(within(alert).getByRole('button', { name: 'Neu laden' })).toBeInTheDocument()
    expect(requests.find((r) => r.method === 'PUT')?.headers.get('If-Match')).toBe('"7"')
  })
})

describe('network detail', () => {
  it('puts the mandate first and spells out links in both directions', async () => {
    const n = network({
      id: 'n-d',
      name: 'Lenkrunde Teltow',
      kind: 'steeringGroup' as never,
      mandate: 'Sozialraumorientierung in Teltow steuern.',
      mandatedBy: 'Stadtverordnetenversammlung Teltow',
      mandatedOn: '2021-03-15',
      functions: ['negotiation' as never],
      cadenceInterval: 3,
      cadenceUnit: 'months' as never,
      links: [{ networkId: 'n-k', networkName: 'Regionalkoordination', type: NetworkLinkType.ReportsTo }],
      incomingLinks: [{ networkId: 'n-f', networkName: 'Fokusgruppe Bildung', type: NetworkLinkType.DelegatesTo }],
      memberCount: 2,
    })
    withBaseApi(
      http.get('/api/v1/networks/n-d', () => HttpResponse.json(n)),
      http.get('/api/v1/networks/n-d/health', () =>
        HttpResponse.json(
          health({ networkId: 'n-d', openAgreements: 3, overdueAgreements: 1, needsAttention: true,
              reasons: [AttentionReason.OverdueAgreements] }),
        ),
      ),
      http.get('/api/v1/networks/n-d/composition', () =>
        HttpResponse.json({ networkId: 'n-d', on: '2026-01-01', total: 2, organisations: 2, persons: 0, sectors: [], roles: [] }),
      ),
      http.get('/api/v1/networks/n-d/members', () =>
        page([
          networkMember({ actorName: 'Stadt Teltow' }),
          networkMember({ actorName: 'Kirchengemeinde', state: 'past' as never, validTo: '2025-06-30' }),
        ]),
      ),
      ...detailPanels('n-d'),
    )
    renderApp({ route: '/networks/n-d' })
    expect(await screen.findByRole('heading', { level: 1, name: 'Lenkrunde Teltow' })).toBeInTheDocument()
    const h2s = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)
    expect(h2s[0]).toBe('Aufgabenstellung')
    expect(screen.getByText('Sozialraumorientierung in Teltow steuern.')).toBeInTheDocument()
    expect(screen.getByText('beauftragt durch Stadtverordnetenversammlung Teltow am 15.03.2021')).toBeInTheDocument()
    expect(screen.getByText('alle 3 Monate')).toBeInTheDocument()
    expect(screen.getByText(/^berichtet an/).closest('li')).toHaveTextContent('berichtet an Regionalkoordination')
    expect(screen.getByText(/^erhält Delegierte von/).closest('li')).toHaveTextContent('erhält Delegierte von Fokusgruppe Bildung')
    expect(await screen.findByText('1 überfällige Verabredung')).toBeInTheDocument()
    expect(await screen.findByRole('table', { name: 'Aktuelle Mitglieder von Lenkrunde Teltow' })).toHaveTextContent('Stadt Teltow')
    expect(screen.getByRole('table', { name: 'Ehemalige Mitglieder von Lenkrunde Teltow' })).toHaveTextContent('Kirchengemeinde')
    expect(await axeViolations()).toEqual([])
  })
})

describe('start page', () => {
  it('lists networks needing attention with their reasons in words and links', async () => {
    withBaseApi(
      http.get('/api/v1/networks/attention', () =>
        HttpResponse.json([
          health({
            networkId: 'n-a',
            networkName: 'AG Soziales',
            kind: 'workingGroup' as never,
            needsAttention: true,
            lastMeetingAt: '2012-06-18T13:00:00Z',
            meetingDueBy: '2012-12-18',
            meetingOverdue: true,
            reasons: [AttentionReason.MeetingOverdue, AttentionReason.MandateMissing],
          }),
          health({
            networkId: 'n-b',
            networkName: 'Beirat Jobcenter',
            kind: 'advisoryBoard' as never,
            status: NetworkStatus.Active,
            needsAttention: true,
            attendanceRate: 0.4,
            meetingsConsidered: 5,
            overdueAgreements: 2,
            reasons: [AttentionReason.LowAttendance, AttentionReason.OverdueAgreements],
          }),
        ]),
      ),
    )
    renderApp({ route: '/' })
    const section = await screen.findByRole('region', { name: 'Netzwerke mit Handlungsbedarf' })
    const link = await within(section).findByRole('link', { name: 'AG Soziales' })
    expect(link).toHaveAttribute('href', '/networks/n-a')
    const first = link.closest('li')!
    expect(first).toHaveTextContent('Sitzung überfällig: letzte Sitzung am 18.06.2012, die nächste war spätestens am 18.12.2012 fällig')
    expect(first).toHaveTextContent('Keine Aufgabenstellung hinterlegt')
    const second = within(section).getByRole('link', { name: 'Beirat Jobcenter' }).closest('li')!
    expect(second).toHaveTextContent('Geringe Teilnahme: 40 % anwesend in den letzten 5 Sitzungen')
    expect(second).toHaveTextContent('2 überfällige Verabredungen')
    expect(await axeViolations()).toEqual([])
  })
})

describe('member form', () => {
  it('asks a delegate for the sending network and explains an overlapping membership (409) in German', async () => {
    const n = network({ id: 'n-m', name: 'Lenkrunde Teltow' })
    const sender = network({ id: 'n-s', name: 'Fokusgruppe Bildung' })
    withBaseApi(
      http.get('/api/v1/actors', () => page([{ id: 'a-9', name: 'Grundschule Teltow' }])),
      http.get('/api/v1/networks', () => page([n, sender])),
      http.get('/api/v1/networks/n-m', () => HttpResponse.json(n)),
      ...detailPanels('n-m'),
      http.post('/api/v1/networks/n-m/members', () =>
        HttpResponse.json(
          { title: 'Conflict', status: 409, detail: 'The actor already is a Delegate.',
            errors: { validFrom: ['The actor already is a Delegate.'] } },
          { status: 409 },
        ),
      ),
    )
    renderApp({ route: '/networks/n-m' })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Mitglied hinzufügen' }))
    const form = screen.getByRole('form', { name: 'Mitglied hinzufügen' })
    // the actor is found by typing part of its name, then picked from the suggestions
    await user.type(within(form).getByRole('combobox', { name: /^Akteur/ }), 'Grund')
    await user.click(await within(form).findByRole('option', { name: 'Grundschule Teltow' }))
    expect(requests.some((r) => r.url.pathname === '/api/v1/actors' && r.url.searchParams.get('q') === 'Grund')).toBe(true)
    await user.selectOptions(within(form).getByRole('combobox', { name: /^Rolle/ }), 'delegate')
    await user.click(within(form).getByRole('button', { name: 'Mitglied hinzufügen' }))
    const from = within(form).getByRole('combobox', { name: /^Delegiert aus Netzwerk/ })
    expect(from).toHaveAccessibleDescription(/Delegierte brauchen das Netzwerk, das sie entsendet\./)
    expect(requests.some((r) => r.method === 'POST')).toBe(false)

    await user.selectOptions(from, 'n-s')
    await user.click(within(form).getByRole('button', { name: 'Mitglied hinzufügen' }))
    const since = within(form).getByLabelText(/^Mitglied seit/)
    await waitFor(() => expect(since).toHaveAccessibleDescription(/bereits in einem überschneidenden Zeitraum/))
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject(
      { actorId: 'a-9', role: 'delegate', delegatedFromNetworkId: 'n-s' })
  })
})
