import { useCallback, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GraphEdgeKind, GraphNodeType, RelationType, type NetworkLinkType } from '@/api'
import { useNetworkOptions } from '@/components/pickers/networks'
import { SpaceOptions } from '@/components/pickers/space-options'
import { useFlatSpaces } from '@/components/pickers/spaces'
import { EmptyState, Loading } from '@/components/ui/feedback'
import { FilterSelect, ResetFiltersButton } from '@/components/ui/list-page'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { formatDate, formatNumber, formatPercent } from '@/lib/format'
import { textParam, useListFilters } from '@/lib/use-list-filters'
import { usePageTitle } from '@/lib/use-page-title'
import { findBrokers, useNetworkGraph, type GraphFilters } from '../api/graph'
import { GraphCanvas, type GraphCanvasHandle, type SizeBy } from '../components/graph-canvas'
import { NodeTable } from '../components/node-table'
import '../network-map.css'

const EDGE_KINDS = Object.values(GraphEdgeKind) as GraphEdgeKind[]

/** The legend's marks (class of the shape or line) and their texts, in order. */
const LEGEND = [
  ['legend__shape--network', 'map.legend.network'],
  ['legend__shape--public', 'map.legend.actorPublic'],
  ['legend__shape--civil', 'map.legend.actorCivil'],
  ['legend__shape--private', 'map.legend.actorPrivate'],
  ['legend__shape--broker', 'map.legend.broker'],
  ['legend__shape--isolated', 'map.legend.isolated'],
  ['legend__line--membership', 'map.edgeKinds.membership'],
  ['legend__line--relation', 'map.legend.relation'],
  ['legend__line--link', 'map.legend.link'],
] as const
const RELATION_TYPES = Object.values(RelationType) as RelationType[]

function filtersFrom(params: URLSearchParams): GraphFilters {
  const edgeKinds = params.getAll('edge').filter((v): v is GraphEdgeKind => (EDGE_KINDS as string[]).includes(v))
  const relationTypes = params.getAll('rel').filter((v): v is RelationType => (RELATION_TYPES as string[]).includes(v))
  return {
    spaceId: textParam(params, 'spaceId'),
    networkId: textParam(params, 'networkId'),
    on: textParam(params, 'on'),
    edgeKinds: edgeKinds.length ? edgeKinds : undefined,
    relationTypes: relationTypes.length ? relationTypes : undefined,
  }
}

/** The network map: who works with whom, through which networks; filters, canvas, legend and a sortable table. */
export function NetworkMapPage() {
  const { t, i18n } = useTranslation()
  const lng = i18n.language
  usePageTitle(t('map.title'))
  const { filters, params, update, setFilter, reset } = useListFilters(filtersFrom)
  const sizeBy: SizeBy = params.get('size') === 'degree' ? 'degree' : 'betweenness'
  const graph = useNetworkGraph(filters)
  const { spaces: flatSpaces } = useFlatSpaces()
  const networks = useNetworkOptions()
  const canvas = useRef<GraphCanvasHandle>(null)
  const [selectedId, setSelectedId] = useState<string | undefined>()
  const ids = { on: useId(), table: 'map-nodes', legend: useId() }
  const toggleList = (key: 'edge' | 'rel', all: readonly string[], value: string, checked: boolean) =>
    update((p) => {
      // No parameter means "all": start from the full list when the first box is cleared.
      const current = p.getAll(key).length ? p.getAll(key) : [...all]
      const next = checked ? [...new Set([...current, value])] : current.filter((v) => v !== value)
      p.delete(key)
      if (next.length < all.length) for (const v of next) p.append(key, v)
    })

  const edgeKinds = filters.edgeKinds ?? EDGE_KINDS
  const relationTypes = filters.relationTypes ?? RELATION_TYPES
  const data = graph.data
  const nodesById = useMemo(() => new Map((data?.nodes ?? []).map((n) => [n.id, n])), [data])
  const brokers = useMemo(() => findBrokers(data?.nodes ?? []), [data])

  const nodeLabel = useCallback(
    (id: string) => {
      const n = nodesById.get(id)
      if (!n) return ''
      if (brokers.has(n.id)) return `◆ ${n.label} (${t('map.node.broker')})`
      if (n.isIsolated) return `${n.label} (${t('map.node.isolated')})`
      return n.label
    },
    [nodesById, brokers, t],
  )
  const linkLabel = useCallback((type: NetworkLinkType) => t(`map.linkLabels.${type}`), [t])

  const summary = useMemo(() => {
    if (!data) return ''
    const networksCount = data.nodes.filter((n) => n.type === GraphNodeType.Network).length
    const top = data.nodes.filter((n) => brokers.has(n.id)).slice(0, 3)
    const isolated = data.nodes.filter((n) => n.isIsolated).length
    return [
      t('map.summary.counts',
        { nodes: data.nodes.length, networks: networksCount, actors: data.nodes.length - networksCount, edges: data.edges.length,
          date: formatDate(data.on, lng) }),
      top.length ? t('map.summary.brokers', { names: top.map((b) => b.label).join(', ') }) : t('map.summary.noBrokers'),
      t('map.summary.isolated', { count: isolated }),
      t('map.summary.table'),
    ].join(' ')
  }, [data, brokers, t, lng])

  const selected = selectedId ? nodesById.get(selectedId) : undefined
  // Filters set, each counted once (a list such as the kinds of links is one filter with several values).
  const activeFilters = new Set(params.keys()).size

  return (
    <>
      <h1>{t('map.title')}</h1>
      <p className="lead">{t('map.intro')}</p>

      {/* The filters fold away so that the graph is above the fold; the summary says how many are set. */}
      <details className="card map-filters">
        <summary className="map-filters__summary">
          {activeFilters > 0 ? t('map.filters.toggleActive', { count: activeFilters }) : t('map.filters.toggle')}
        </summary>
      <form className="filters" aria-label={t('map.filters.label')} onSubmit={(e) => e.preventDefault()}>
        <div className="filters__row filters__row--top">
          <FilterSelect label={t('list.space')} allLabel={t('list.allSpaces')} value={filters.spaceId}
            onChange={(v) => setFilter('spaceId', v)}>
            <SpaceOptions spaces={flatSpaces} />
          </FilterSelect>
          <FilterSelect
            label={t('map.filters.network')}
            allLabel={t('map.filters.allNetworks')}
            hint={t('map.filters.networkHint')}
            value={filters.networkId}
            onChange={(v) => setFilter('networkId', v)}
          >
            {(networks.data ?? []).map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </FilterSelect>
          <div className="field">
            <label htmlFor={ids.on} className="field__label">
              {t('map.filters.on')}
            </label>
            <input id={ids.on} type="date" className="input" value={filters.on ?? ''} onChange={(e) => setFilter('on', e.target.value)} />
          </div>
        </div>
        <div className="filters__row filters__row--wide">
          <fieldset className="fieldset">
            <legend>{t('map.filters.edgeKinds')}</legend>
            <div className="choice-row">
              {EDGE_KINDS.map((k) => (
                <label key={k} className="choice">
                  <input type="checkbox" checked={edgeKinds.includes(k)}
                    onChange={(e) => toggleList('edge', EDGE_KINDS, k, e.target.checked)} />{' '}
                  {t(`map.edgeKinds.${k}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="fieldset">
            <legend>{t('map.filters.sizeBy')}</legend>
            <div className="choice-row">
              {(['betweenness', 'degree'] as const).map((s) => (
                <label key={s} className="choice">
                  <input type="radio" name="sizeBy" value={s} checked={sizeBy === s}
                    onChange={() => setFilter('size', s === 'degree' ? 'degree' : undefined)} />{' '}
                  {t(`map.sizeBy.${s}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="fieldset fieldset--full" disabled={!edgeKinds.includes(GraphEdgeKind.ActorRelation)}>
            <legend>{t('map.filters.relationTypes')}</legend>
            <div className="choice-row choice-row--grid">
              {RELATION_TYPES.map((r) => (
                <label key={r} className="choice">
                  <input
                    type="checkbox"
                    checked={relationTypes.includes(r)}
                    onChange={(e) => toggleList('rel', RELATION_TYPES, r, e.target.checked)}
                  />{' '}
                  {t(`terms.relationTypes.${r}`)}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        {params.size > 0 ? (
          <p>
            <ResetFiltersButton onReset={reset} />
          </p>
        ) : null}
      </form>
      </details>

      {graph.isPending ? (
        <Loading label={t('map.loading')} />
      ) : graph.isError ? (
        <ProblemAlert error={graph.error} onRetry={() => void graph.refetch()} />
      ) : graph.data.nodes.length === 0 ? (
        <EmptyState title={t('map.empty')}>
          <p>{t('map.emptyHint')}</p>
        </EmptyState>
      ) : (
        <>
          <p role="status" className="result-count">
            {t('map.status', {
              nodes: graph.data.nodes.length,
              edges: graph.data.edges.length,
              date: formatDate(graph.data.on, lng),
            })}
            {graph.isFetching ? ` ${t('common.loadingShort')}` : ''}
          </p>
          <div className="map-layout">
            <div className="map-layout__canvas card">
              <div className="map-toolbar" role="group" aria-label={t('map.toolbar')}>
                <button type="button" className="button button--secondary button--small" onClick={() => canvas.current?.zoomIn()}>
                  {t('map.zoomIn')}
                </button>
                <button type="button" className="button button--secondary button--small" onClick={() => canvas.current?.zoomOut()}>
                  {t('map.zoomOut')}
                </button>
                <button type="button" className="button button--secondary button--small" onClick={() => canvas.current?.fit()}>
                  {t('map.fit')}
                </button>
                <a href={`#${ids.table}`} className="button button--link button--small">
                  {t('map.toTable')}
                </a>
              </div>
              <GraphCanvas
                ref={canvas}
                graph={graph.data}
                sizeBy={sizeBy}
                brokers={brokers}
                nodeLabel={nodeLabel}
                linkLabel={linkLabel}
                summary={summary}
                onSelect={setSelectedId}
              />
            </div>
            <aside className="map-layout__side" aria-label={t('map.side')}>
              <section className="card" aria-live="polite">
                <h2 className="subheading">{t('map.selected.title')}</h2>
                {selected ? (
                  <>
                    <p>
                      <Link to={selected.type === GraphNodeType.Network ? `/networks/${selected.id}` : `/actors/${selected.id}`}
                        className="strong-link">
                        {selected.label}
                      </Link>
                    </p>
                    <dl className="facts facts--compact">
                      <dt>{t('map.table.degree')}</dt>
                      <dd>{formatNumber(selected.degree, lng)}</dd>
                      <dt>{t('map.table.betweenness')}</dt>
                      <dd>{formatPercent(selected.normalizedBetweenness, lng)}</dd>
                      <dt>{t('map.table.position')}</dt>
                      <dd>{brokers.has(selected.id) ? t('map.node.broker') : selected.isIsolated ? t('map.node.isolated')
                        : t('map.node.regular')}</dd>
                    </dl>
                  </>
                ) : (
                  <p className="muted small">{t('map.selected.none')}</p>
                )}
              </section>
              <section className="card">
                <h2 id={ids.legend} className="subheading">
                  {t('map.legend.title')}
                </h2>
                <ul className="legend">
                  {LEGEND.map(([mark, text]) => (
                    <li key={mark}>
                      <span className={`${mark.split('--')[0]} ${mark}`} aria-hidden="true" /> {t(text)}
                    </li>
                  ))}
                </ul>
                <p className="small muted">{t('map.legend.size', { metric: t(`map.sizeBy.${sizeBy}`) })}</p>
              </section>
            </aside>
          </div>
          <section className="card" aria-labelledby={ids.table}>
            <h2 id={ids.table} tabIndex={-1}>
              {t('map.table.title')}
            </h2>
            <NodeTable
              nodes={graph.data.nodes}
              brokers={brokers}
              caption={t('map.table.caption', { count: graph.data.nodes.length })}
              selectedId={selectedId}
              onShow={(id) => {
                setSelectedId(id)
                canvas.current?.show(id)
              }}
            />
          </section>
        </>
      )}
    </>
  )
}
