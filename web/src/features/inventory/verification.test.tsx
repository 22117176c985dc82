import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { RenewalStatus, VerificationState } from '@/api'
import { axeViolations } from '@/testing/axe'
import { spaceTree } from '@/testing/fixtures'
import { renderApp } from '@/testing/render'
import { requests, server } from '@/testing/server'
import { funding, service } from './inventory-fixtures'

describe('verification queue', () => {
  it('marks an overdue service verified with If-Match and says so', async () => {
    let verified = false
    server.use(
      http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
      http.get('/api/v1/services/verification-queue', () =>
        HttpResponse.json({
          on: '2026-12-04',
          nextCursor: null,
          items: verified ? [] : [{ serviceId: 'svc-1', name: 'Suchtberatung Nordstadt', status: 'active', operatorName: 'AWO',
            verifiedOn: '2025-09-04', intervalMonths: 12, dueOn: '2026-09-04', daysOverdue: 91, state: VerificationState.Overdue }],
        })),
      http.get('/api/v1/services/svc-1', () => HttpResponse.json(service({ id: 'svc-1', name: 'Suchtberatung Nordstadt', version: 4 }))),
      http.post('/api/v1/services/svc-1/verify', () => {
        verified = true
        return HttpResponse.json({ serviceId: 'svc-1', verifiedOn: '2026-12-04', version: 5 })
      }),
    )
    renderApp({ route: '/inventory/verification' })
    const row = (await screen.findByRole('link', { name: 'Suchtberatung Nordstadt' })).closest('tr')!
    expect(row).toHaveTextContent('überfällig')
    expect(row).toHaveTextContent('seit 91 Tagen überfällig')
    expect(await axeViolations()).toEqual([])
    await userEvent.setup().click(await within(row).findByRole('button', { name: 'Als geprüft markieren: Suchtberatung Nordstadt' }))
    expect(await screen.findByText('„Suchtberatung Nordstadt“ ist als geprüft markiert.')).toBeInTheDocument()
    const post = requests.find((r) => r.method === 'POST')
    expect(post?.headers.get('If-Match')).toBe('"4"')
    await waitFor(() => expect(screen.getByText('Alle Angebote sind aktuell geprüft.')).toBeInTheDocument())
  })
})

describe('funding ends soon', () => {
  it('lists the fundings running out with days left, and the start page shows them', async () => {
    const ending = {
      on: '2026-12-04', horizon: 'P6M', until: '2027-06-04', nextCursor: null,
      items: [{
        funding: funding({ id: 'f-1', serviceName: 'Offener Jugendtreff', funderName: 'Jugendamt', endsOn: '2027-01-18', sharePercent: 50,
          renewalStatus: RenewalStatus.Applied }),
        daysLeft: 45, serviceStatus: 'active', operatorName: 'Jugendclub e.V.', spaces: [{ id: 's-nord', name: 'Nord' }], networks: [],
      }],
    }
    server.use(
      http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
      http.get('/api/v1/fundings/ending', () => HttpResponse.json(ending)),
      http.get('/api/v1/networks/attention', () => HttpResponse.json([])),
    )
    renderApp({ route: '/inventory/funding-ending' })
    const table = await screen.findByRole('table', { name: 'Auslaufende Förderungen' })
    expect(within(table).getByRole('link', { name: 'Offener Jugendtreff' })).toHaveAttribute('href', '/inventory/services/svc-1')
    expect(table).toHaveTextContent('noch 45 Tage')
    expect(table).toHaveTextContent('beantragt')
    expect(within(table).getByRole('link', { name: 'Nord' })).toHaveAttribute('href', '/spaces/s-nord')
    expect(await axeViolations()).toEqual([])
    await userEvent.setup().selectOptions(screen.getByLabelText('Zeitraum'), 'P12M')
    await waitFor(() => expect(requests.some((r) => r.url.searchParams.get('horizon') === 'P12M')).toBe(true))
  })

  it('is on the start page', async () => {
    server.use(
      http.get('/api/v1/networks/attention', () => HttpResponse.json([])),
      http.get('/api/v1/fundings/ending', () => HttpResponse.json({ on: '2026-12-04', horizon: 'P6M', until: '2027-06-04', items: [] })),
    )
    renderApp({ route: '/' })
    expect(await screen.findByRole('heading', { name: 'Förderung endet bald' })).toBeInTheDocument()
    expect(await screen.findByText('In den nächsten sechs Monaten endet keine erfasste Förderung.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Alle auslaufenden Förderungen' })).toHaveAttribute('href', '/inventory/funding-ending')
    const sent = requests.find((r) => r.url.pathname === '/api/v1/fundings/ending')
    expect(sent?.url.searchParams.get('limit')).toBe('6')
  })
})
