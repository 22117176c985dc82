import type { ReactNode } from 'react'

/** A short list in one line (tags, linked spaces, a network's functions), or `empty` in words when there is nothing. */
export function InlineList<T>({
  items,
  empty,
  tags = false,
  itemKey,
  children,
}: {
  items: readonly T[]
  empty: string
  /** Show each item as a tag. */
  tags?: boolean
  itemKey: (item: T) => string
  children: (item: T) => ReactNode
}) {
  if (items.length === 0) return <>{empty}</>
  return (
    <ul className="inline-list">
      {items.map((item) => (
        <li key={itemKey(item)} className={tags ? 'tag' : undefined}>
          {children(item)}
        </li>
      ))}
    </ul>
  )
}
