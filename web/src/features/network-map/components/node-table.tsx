import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { GraphNodeType, type GraphNodeDto } from '@/api'
import { RowAction } from '@/components/ui/table'
import { formatNumber, formatPercent } from '@/lib/format'
import '../network-map.css'

type SortKey = 'label' | 'type' | 'degree' | 'betweenness'
type Direction = 'ascending' | 'descending'

/**
 * Every node of the map as a table (the keyboard and screen-reader alternative to the canvas):
 * sortable by name, kind, degree and betweenness; brokers and isolated nodes named in words.
 */
export function NodeTable({
  nodes,
  brokers,
  caption,
  onShow,
  selectedId,
}: {
  nodes: GraphNodeDto[]
  /** Ids of the brokers of this map. */
  brokers: ReadonlySet<string>
  caption: string
  /** "Show in map": select and centre the node in the canvas. */
  onShow?: (id: string) => void
  selectedId?: string
}) {
  const { t, i18n } = useTranslation()
  const lng = i18n.language
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({ key: 'betweenness', direction: 'descending' })

  const kindText = (n: GraphNodeDto) =>
    n.type === GraphNodeType.Network
      ? `${t('map.node.network')}: ${n.networkKind ? t(`terms.networkKinds.${n.networkKind}`) : ''}`
      : (n.actorKind ? t(`terms.actorKinds.${n.actorKind}`) : t('map.node.actor')) +
        (n.sector ? ` · ${t(`terms.sectors.${n.sector}`)}` : '')

  const sorted = [...nodes].sort((a, b) => {
    let c = 0
    switch (sort.key) {
      case 'label':
        c = a.label.localeCompare(b.label, lng)
        break
      case 'type':
        c = kindText(a).localeCompare(kindText(b), lng)
        break
      case 'degree':
        c = a.degree - b.degree
        break
      case 'betweenness':
        c = a.normalizedBetweenness - b.normalizedBetweenness
        break
    }
    if (c === 0) c = a.label.localeCompare(b.label, lng)
    return sort.direction === 'ascending' ? c : -c
  })

  const header = (key: SortKey, label: string, numeric = false) => {
    const active = sort.key === key
    return (
      <th scope="col" aria-sort={active ? sort.direction : undefined} className={numeric ? 'num' : undefined}>
        <button
          type="button"
          className="sort-button"
          onClick={() =>
            setSort((s) => ({
              key,
              direction: s.key === key ? (s.direction === 'ascending' ? 'descending' : 'ascending') : numeric ? 'descending' : 'ascending',
            }))
          }
        >
          {label}
          <span aria-hidden="true" className="sort-button__icon">
            {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    )
  }

  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="table table--compact">
        <caption className="table-caption">
          {caption} <span className="muted small">{t('map.table.sortHint')}</span>
        </caption>
        <thead>
          <tr>
            {header('label', t('map.table.name'))}
            {header('type', t('map.table.kind'))}
            {header('degree', t('map.table.degree'), true)}
            {header('betweenness', t('map.table.betweenness'), true)}
            <th scope="col">{t('map.table.position')}</th>
            {onShow ? <th scope="col">{t('map.table.inMap')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {sorted.map((n) => (
            <tr key={n.id} className={n.id === selectedId ? 'is-selected' : undefined}>
              <th scope="row" className="table__rowhead">
                <Link to={n.type === GraphNodeType.Network ? `/networks/${n.id}` : `/actors/${n.id}`}>{n.label}</Link>
              </th>
              <td>{kindText(n)}</td>
              <td className="num">{formatNumber(n.degree, lng)}</td>
              <td className="num">{formatPercent(n.normalizedBetweenness, lng)}</td>
              <td>{brokers.has(n.id) ? <strong>{t('map.node.broker')}</strong> : n.isIsolated ? t('map.node.isolated') : ''}</td>
              {onShow ? (
                <td>
                  <RowAction label={t('map.table.show')} subject={n.label} onClick={() => onShow(n.id)} pressed={n.id === selectedId} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
