import { useCallback, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SpaceTreeNode } from '@/api'
import '../spaces.css'

interface VisibleItem {
  node: SpaceTreeNode
  parentId: string | null
  depth: number
}

function hasChildren(node: SpaceTreeNode): boolean {
  return (node.children?.length ?? 0) > 0
}

function visibleItems(nodes: readonly SpaceTreeNode[], expanded: ReadonlySet<string>): VisibleItem[] {
  const out: VisibleItem[] = []
  const walk = (list: readonly SpaceTreeNode[], parentId: string | null, depth: number) => {
    for (const node of list) {
      out.push({ node, parentId, depth })
      if (hasChildren(node) && expanded.has(node.id)) walk(node.children, node.id, depth + 1)
    }
  }
  walk(nodes, null, 1)
  return out
}

export interface SpaceTreeProps {
  nodes: readonly SpaceTreeNode[]
  /** Accessible name of the tree. */
  label: string
  /** Enter on an item, or a click on its name. */
  onActivate?: (node: SpaceTreeNode) => void
  /** Ids expanded at first render; defaults to the top level. */
  defaultExpanded?: readonly string[]
  /** Id of an element describing how to use the tree. */
  describedBy?: string
}

/**
 * WAI-ARIA tree view (APG pattern): one tab stop (roving tabindex), arrow keys move,
 * Right/Left open and close or go to child/parent, Home/End, type-ahead by first letter,
 * Enter activates. Nested items live in role=group lists.
 */
export function SpaceTree({ nodes, label, onActivate, defaultExpanded, describedBy }: SpaceTreeProps) {
  const { t } = useTranslation()
  const baseId = useId()
  const [expanded, setExpanded] = useState<Set<string>>(
    () => new Set(defaultExpanded ?? nodes.filter(hasChildren).map((n) => n.id)),
  )
  const [activeId, setActiveId] = useState<string | undefined>(nodes[0]?.id)
  const itemRefs = useRef(new Map<string, HTMLDivElement>())

  const visible = useMemo(() => visibleItems(nodes, expanded), [nodes, expanded])
  // The focusable item must be visible; fall back to the first one (e.g. after its parent closed).
  const focusId = visible.some((v) => v.node.id === activeId) ? activeId : visible[0]?.node.id

  const focusItem = useCallback((id: string) => {
    setActiveId(id)
    // The element exists already for every visible item; focus synchronously.
    itemRefs.current.get(id)?.focus()
  }, [])

  const toggle = useCallback((id: string, open?: boolean) => {
    setExpanded((prev) => {
      const next = new Set(prev)
      const shouldOpen = open ?? !next.has(id)
      if (shouldOpen) next.add(id)
      else next.delete(id)
      return next
    })
  }, [])

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const index = visible.findIndex((v) => v.node.id === focusId)
    if (index < 0) return
    const current = visible[index]
    const { node } = current
    const isOpen = expanded.has(node.id)
    let handled = true
    switch (event.key) {
      case 'ArrowDown':
        if (index < visible.length - 1) focusItem(visible[index + 1].node.id)
        break
      case 'ArrowUp':
        if (index > 0) focusItem(visible[index - 1].node.id)
        break
      case 'ArrowRight':
        if (hasChildren(node)) {
          if (!isOpen) toggle(node.id, true)
          else focusItem(node.children[0].id)
        }
        break
      case 'ArrowLeft':
        if (hasChildren(node) && isOpen) toggle(node.id, false)
        else if (current.parentId) focusItem(current.parentId)
        break
      case 'Home':
        focusItem(visible[0].node.id)
        break
      case 'End':
        focusItem(visible[visible.length - 1].node.id)
        break
      case 'Enter':
        onActivate?.(node)
        break
      case '*': {
        // Expand all siblings of the focused item.
        const siblings = visible.filter((v) => v.parentId === current.parentId && hasChildren(v.node))
        setExpanded((prev) => new Set([...prev, ...siblings.map((s) => s.node.id)]))
        break
      }
      default:
        if (event.key.length === 1 && /\S/.test(event.key)) {
          const ch = event.key.toLocaleLowerCase()
          const order = [...visible.slice(index + 1), ...visible.slice(0, index + 1)]
          const match = order.find((v) => v.node.name.toLocaleLowerCase().startsWith(ch))
          if (match) focusItem(match.node.id)
        } else handled = false
    }
    if (handled) {
      event.preventDefault()
      event.stopPropagation()
    }
  }

  // Each treeitem is the row itself; its child group is a sibling inside a presentational <li>,
  // so the item's accessible name is just its own label (hierarchy comes from aria-level).
  const renderNodes = (list: readonly SpaceTreeNode[], depth: number) =>
    list.map((node, i) => {
      const parent = hasChildren(node)
      const open = parent && expanded.has(node.id)
      return (
        <li key={node.id} role="none" className="tree__node">
          <div
            id={`${baseId}-item-${node.id}`}
            role="treeitem"
            aria-level={depth}
            aria-setsize={list.length}
            aria-posinset={i + 1}
            aria-expanded={parent ? open : undefined}
            tabIndex={node.id === focusId ? 0 : -1}
            ref={(el) => {
              if (el) itemRefs.current.set(node.id, el)
              else itemRefs.current.delete(node.id)
            }}
            onFocus={() => setActiveId(node.id)}
            className="tree__item"
            style={{ paddingInlineStart: `${(depth - 1) * 1.25}rem` }}
          >
            <span
              className="tree__toggle"
              aria-hidden="true"
              onClick={() => {
                if (parent) toggle(node.id)
                focusItem(node.id)
              }}
            >
              {parent ? (open ? '▾' : '▸') : '•'}
            </span>
            <span
              className="tree__label"
              onClick={() => {
                focusItem(node.id)
                onActivate?.(node)
              }}
            >
              <span className="tree__name">{node.name}</span>{' '}
              <span className="tree__meta">
                ({node.code}, {t(`terms.spaceLevels.${node.level}`)}
                {node.validTo ? `, ${t('spaces.tree.endedShort')}` : ''})
              </span>
            </span>
          </div>
          {open ? (
            <ul role="group" className="tree__group">
              {renderNodes(node.children, depth + 1)}
            </ul>
          ) : null}
        </li>
      )
    })

  return (
    <ul role="tree" aria-label={label} aria-describedby={describedBy} className="tree" onKeyDown={onKeyDown}>
      {renderNodes(nodes, 1)}
    </ul>
  )
}
