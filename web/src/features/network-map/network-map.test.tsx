import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { GraphEdgeKind, GraphNodeType, NetworkKind, Sector, type NetworkGraphDto } from '@/api'
import { axeViolations } from '@/testing/axe'
import { spaceTree } from '@/testing/fixtures'
import { renderApp } from '@/testing/render'
import { LABELLED_NODES, nodesToLabel } from './node-labels'
import { page, requests, server } from '@/testing/server'

// jsdom has no canvas: Cytoscape is replaced by a stub that records what it was given.
const cy = vi.hoisted(() => ({ created: [] as { elements: { data: { id: string; label?: string }; classes?: string[] }[] }[] }))
vi.mock('cytoscape', () => {
  const instance = {
    layout: () => ({ one: () => undefined, run: () => undefined }),
    on: () => undefined,
    destroy: () => undefined,
    batch: (fn: () => void) => fn(),
    nodes: () => ({ forEach: () => undefined }),
    getElementById: () => ({ empty: () => true }),
  }
  return {
    default: (options: { elements: { data: { id: string; label?: string } }[] }) => {
      cy.created.push(options)
      return instance
    },
  }
})

const graph: NetworkGraphDto = {
  on: '2026-03-01',
  nodes: [
    { id: 'n-l', type: GraphNodeType.Network, label: 'Lenkrunde Teltow', networkKind: NetworkKind.SteeringGroup, degree: 5, betweenness: 12,
      normalizedBetweenness: 0.6, isIsolated: false },
    { id: 'a-j', type: GraphNodeType.Actor, label: 'Jugendamt', actorKind: 'organisation' as never, sector: Sector.Public, degree: 2,
      betweenness: 1, normalizedBetweenness: 0.05, isIsolated: false },
    { id: 'a-h', type: GraphNodeType.Actor, label: 'Heimatverein', actorKind: 'organisation' as never, sector: Sector.CivilSociety,
      degree: 0, betweenness: 0, normalizedBetweenness: 0, isIsolated: true },
  ],
  edges: [{ id: 'e1', kind: GraphEdgeKind.Membership, source: 'a-j', target: 'n-l' }],
}

describe('network map', () => {
  it('describes the canvas, lists nodes in a sortable table and filters through the API', async () => {
    server.use(
      http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
      http.get('/api/v1/networks', () => page([])),
      http.get('/api/v1/graph', () => HttpResponse.json(graph)),
    )
    renderApp({ route: '/network-map' })
    const user = userEvent.setup()
    const img = await screen.findByRole('img', { name: /Netzwerkkarte am 01\.03\.2026 mit 3 Knoten/ })
    expect(img).toHaveAccessibleName(expect.stringContaining('Wichtigste Vermittler: Lenkrunde Teltow.'))
    expect(img).toHaveAccessibleName(expect.stringContaining('1 isolierter Knoten.'))
    await waitFor(() => expect(cy.created.length).toBeGreaterThan(0))
    const labels = cy.created.at(-1)!.elements.map((e) => e.data.label).filter(Boolean)
    expect(labels).toEqual(['◆ Lenkrunde Teltow (Vermittler)', 'Jugendamt', 'Heimatverein (isoliert)'])

    const table = screen.getByRole('table', { name: /Alle 3 Knoten/ })
    const names = () => within(table).getAllByRole('rowheader').map((c) => c.textContent)
    expect(names()).toEqual(['Lenkrunde Teltow', 'Jugendamt', 'Heimatverein'])
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Vermittler')
    expect(within(table).getAllByRole('row')[3]).toHaveTextContent('isoliert')
    await user.click(within(table).getByRole('button', { name: /^Name/ }))
    expect(names()).toEqual(['Heimatverein', 'Jugendamt', 'Lenkrunde Teltow'])
    expect(within(table).getByRole('columnheader', { name: /^Name/ })).toHaveAttribute('aria-sort', 'ascending')
    await user.click(within(table).getByRole('button', { name: /^Verbindungen/ }))
    expect(names()).toEqual(['Lenkrunde Teltow', 'Jugendamt', 'Heimatverein'])

    // The connected nodes are named at the default zoom (the isolated one only when zoomed in).
    const hubs = cy.created.at(-1)!.elements.filter((e) => e.classes?.includes('hub')).map((e) => e.data.id)
    expect(hubs).toEqual(['n-l', 'a-j'])

    // The filters are folded away above the graph until opened; the summary counts those set.
    const details = screen.getByText('Filter', { selector: 'summary' }).closest('details')!
    expect(details).not.toHaveAttribute('open')
    await user.click(screen.getByText('Filter', { selector: 'summary' }))
    expect(details).toHaveAttribute('open')
    await user.click(screen.getByRole('checkbox', { name: 'Beziehungen zwischen Akteuren' }))
    expect(await screen.findByText('Filter (1 gesetzt)', { selector: 'summary' })).toBeInTheDocument()
    await user.type(screen.getByLabelText('Stichtag'), '2025-01-31')
    await waitFor(() => {
      const last = requests.filter((r) => r.url.pathname === '/api/v1/graph').at(-1)!
      expect(last.url.searchParams.getAll('edgeKind')).toEqual(['membership', 'networkLink'])
      expect(last.url.searchParams.get('on')).toBe('2025-01-31')
    })
    expect(await axeViolations()).toEqual([])
  })

  it('names the most connected nodes first, never an isolated one, at most a dozen', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ ...graph.nodes[1], id: `a-${i}`, label: `Akteur ${i}`, degree: i,
      normalizedBetweenness: 0 }))
    const named = nodesToLabel(many)
    expect(named.size).toBe(LABELLED_NODES)
    expect([...named]).toEqual(Array.from({ length: LABELLED_NODES }, (_, i) => `a-${19 - i}`))
    expect(named.has('a-0')).toBe(false)
    // Ties go to the better broker, then by name.
    const tied = [
      { ...graph.nodes[1], id: 'b', label: 'B', degree: 3, normalizedBetweenness: 0.1 },
      { ...graph.nodes[1], id: 'a', label: 'A', degree: 3, normalizedBetweenness: 0.1 },
      { ...graph.nodes[1], id: 'c', label: 'C', degree: 3, normalizedBetweenness: 0.5 },
    ]
    expect([...nodesToLabel(tied, 2)]).toEqual(['c', 'a'])
  })
})
