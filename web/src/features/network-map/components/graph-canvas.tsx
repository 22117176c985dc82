import type { CollectionArgument, Core, ElementDefinition, StylesheetJson } from 'cytoscape'
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react'
import { GraphEdgeKind, GraphNodeType, NetworkLinkType, type NetworkGraphDto } from '@/api'
import { nodesToLabel } from '../node-labels'
import '../network-map.css'

export type SizeBy = 'degree' | 'betweenness'

export interface GraphCanvasHandle {
  /** Selects the node and centres the view on it. */
  show(id: string): void
  zoomIn(): void
  zoomOut(): void
  fit(): void
}

export interface GraphCanvasProps {
  graph: NetworkGraphDto
  sizeBy: SizeBy
  /** Ids of the nodes drawn as brokers. */
  brokers: ReadonlySet<string>
  /** Node label as drawn (with the broker/isolated marker in words). */
  nodeLabel: (id: string) => string
  /** Edge label for network links ("delegiert", "berichtet"). */
  linkLabel: (type: NetworkLinkType) => string
  /** Summary for screen readers (role="img"). */
  summary: string
  onSelect: (id: string | undefined) => void
  ref?: Ref<GraphCanvasHandle>
}

const SECTOR_COLOURS: Record<string, string> = {
  public: '#2f6fb3',
  civilSociety: '#2e8540',
  privateEconomy: '#b25e09',
}
const NETWORK_COLOUR = '#0b4f6c'
const MIN_SIZE = 24
const MAX_SIZE = 72
/** Never closer than this after fitting: a small graph should not fill the canvas with three giant nodes. */
const MAX_FIT_ZOOM = 1.2

/** The size a hub's name is drawn at on screen, whatever the zoom (px). */
const HUB_LABEL_PX = 12

const reducedMotion = () => typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches

function elements(
  graph: NetworkGraphDto,
  sizeBy: SizeBy,
  brokers: ReadonlySet<string>,
  nodeLabel: (id: string) => string,
  linkLabel: (t: NetworkLinkType) => string,
): ElementDefinition[] {
  const metric = (n: NetworkGraphDto['nodes'][number]) => (sizeBy === 'degree' ? n.degree : n.normalizedBetweenness)
  const max = Math.max(0, ...graph.nodes.map(metric)) || 1
  const hubs = nodesToLabel(graph.nodes)
  const nodes: ElementDefinition[] = graph.nodes.map((n) => {
    const classes = [n.type === GraphNodeType.Network ? 'network' : 'actor', brokers.has(n.id) ? 'broker' : '', n.isIsolated ? 'isolated'
      : '', hubs.has(n.id) ? 'hub' : ''].filter(Boolean)
    return {
      group: 'nodes',
      data: {
        id: n.id,
        label: nodeLabel(n.id),
        size: MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(metric(n) / max),
        colour: n.type === GraphNodeType.Network ? NETWORK_COLOUR : (SECTOR_COLOURS[n.sector ?? ''] ?? '#5b6673'),
      },
      classes,
    }
  })
  const ids = new Set(graph.nodes.map((n) => n.id))
  const edges: ElementDefinition[] = graph.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => ({
      group: 'edges',
      data: { id: e.id, source: e.source, target: e.target, label: e.kind === GraphEdgeKind.NetworkLink && e.linkType
        ? linkLabel(e.linkType) : '' },
      classes: [e.kind, e.isContractual ? 'contractual' : ''].filter(Boolean),
    }))
  return [...nodes, ...edges]
}

const style: StylesheetJson = [
  {
    selector: 'node',
    style: {
      width: 'data(size)',
      height: 'data(size)',
      'background-color': 'data(colour)',
      label: 'data(label)',
      'font-size': 11,
      // Labels appear once zoomed in far enough to read them (the table lists every name anyway).
      'min-zoomed-font-size': 7,
      color: '#1b2430',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '140px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      'border-width': 2,
      'border-color': '#ffffff',
    },
  },
  // The most connected nodes are named at every zoom (their font is rescaled on zoom, see hubLabels), drawn above the rest.
  { selector: 'node.hub', style: { 'min-zoomed-font-size': 0, 'font-weight': 'bold', 'z-index': 10 } },
  { selector: 'node.network', style: { shape: 'round-rectangle', 'font-weight': 'bold' } },
  { selector: 'node.actor', style: { shape: 'ellipse' } },
  { selector: 'node.actor.broker', style: { shape: 'diamond' } },
  { selector: 'node.broker', style: { 'border-width': 5, 'border-color': '#1b2430', 'border-style': 'double' } },
  { selector: 'node.isolated',
    style: { 'border-width': 3, 'border-color': '#1b2430', 'border-style': 'dashed', 'background-opacity': 0.55 } },
  { selector: 'node:selected', style: { 'border-width': 6, 'border-color': '#c2410c', 'border-style': 'solid' } },
  {
    selector: 'edge',
    style: { width: 1.5, 'line-color': '#8a96a3', 'curve-style': 'bezier', 'target-arrow-color': '#8a96a3', opacity: 0.9 },
  },
  { selector: 'edge.membership', style: { 'line-style': 'solid' } },
  { selector: 'edge.actorRelation',
    style: { 'line-style': 'dashed', 'line-color': '#6d4c9f', 'target-arrow-color': '#6d4c9f', 'target-arrow-shape': 'triangle' } },
  { selector: 'edge.actorRelation.contractual', style: { width: 2.5 } },
  {
    selector: 'edge.networkLink',
    style: {
      width: 3.5,
      'line-color': NETWORK_COLOUR,
      'target-arrow-color': NETWORK_COLOUR,
      'target-arrow-shape': 'triangle',
      label: 'data(label)',
      'font-size': 10,
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
    },
  },
  { selector: 'edge:selected', style: { 'line-color': '#c2410c', 'target-arrow-color': '#c2410c' } },
]

/** Keeps the hubs' names {@link HUB_LABEL_PX} on screen at the current zoom. */
function hubLabels(cy: Core) {
  cy.style().selector('node.hub').style('font-size', HUB_LABEL_PX / cy.zoom()).update()
}

/** After fitting: not closer than {@link MAX_FIT_ZOOM}, still centred on what was fitted. */
function clampZoom(cy: Core, eles?: CollectionArgument) {
  if (cy.zoom() <= MAX_FIT_ZOOM) return
  cy.zoom(MAX_FIT_ZOOM)
  cy.center(eles)
}

/**
 * The network map drawn with Cytoscape (loaded on demand). The canvas is one image for assistive
 * technology (role="img" with a summary); the table next to it carries the same information.
 */
export function GraphCanvas({ graph, sizeBy, brokers, nodeLabel, linkLabel, summary, onSelect, ref }: GraphCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null)
  const cyRef = useRef<Core | null>(null)
  const onSelectRef = useRef(onSelect)
  const labelsRef = useRef({ nodeLabel, linkLabel })
  useEffect(() => {
    onSelectRef.current = onSelect
    labelsRef.current = { nodeLabel, linkLabel }
  })

  useEffect(() => {
    let cancelled = false
    let instance: Core | null = null
    void import('cytoscape').then(({ default: cytoscape }) => {
      if (cancelled || !containerRef.current) return
      instance = cytoscape({
        container: containerRef.current,
        elements: elements(graph, sizeBy, brokers, labelsRef.current.nodeLabel, labelsRef.current.linkLabel),
        style,
        minZoom: 0.2,
        maxZoom: 3,
        boxSelectionEnabled: false,
      })
      const cy = instance
      const layout = cy.layout({
        name: 'cose',
        animate: false,
        randomize: false,
        padding: 30,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 70,
        componentSpacing: 80,
      })
      // Zoom to fit the whole graph (not closer than MAX_FIT_ZOOM), then name the hubs at that zoom.
      layout.one('layoutstop', () => {
        cy.fit(undefined, 30)
        clampZoom(cy)
        hubLabels(cy)
      })
      cy.on('zoom', () => hubLabels(cy))
      layout.run()
      cy.on('tap', 'node', (e) => onSelectRef.current(e.target.id()))
      instance.on('tap', (e) => {
        if (e.target === instance) onSelectRef.current(undefined)
      })
      cyRef.current = instance
    })
    return () => {
      cancelled = true
      instance?.destroy()
      cyRef.current = null
    }
  }, [graph, sizeBy, brokers])

  // Labels follow the UI language without a new layout.
  useEffect(() => {
    const cy = cyRef.current
    if (!cy) return
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.data('label', nodeLabel(n.id()))
      })
    })
  }, [nodeLabel])

  useImperativeHandle(ref, () => ({
    show(id: string) {
      const cy = cyRef.current
      if (!cy) return
      const node = cy.getElementById(id)
      if (node.empty()) return
      cy.elements().unselect()
      node.select()
      // The node with its neighbours, at a readable zoom.
      const eles = node.closedNeighborhood()
      if (reducedMotion()) {
        cy.fit(eles, 60)
        clampZoom(cy, eles)
      } else cy.animate({ fit: { eles, padding: 60 } }, { duration: 300, complete: () => clampZoom(cy, eles) })
    },
    zoomIn() {
      const cy = cyRef.current
      cy?.zoom({ level: cy.zoom() * 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } })
    },
    zoomOut() {
      const cy = cyRef.current
      cy?.zoom({ level: cy.zoom() / 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } })
    },
    fit() {
      cyRef.current?.fit(undefined, 30)
    },
  }))

  return <div ref={containerRef} className="graph-canvas" role="img" aria-label={summary} />
}
