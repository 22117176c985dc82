import { isValidElement, type ReactNode } from 'react'

/** A column heading: its content, or the content with a class (e.g. `num` for right-aligned figures). */
export type Column = ReactNode | { label: ReactNode; className?: string }

const isLabelled = (c: Column): c is { label: ReactNode; className?: string } =>
  typeof c === 'object' && c !== null && !isValidElement(c) && 'label' in c

/**
 * A data table in its scrolling wrapper: the caption (for screen readers only unless `hiddenCaption` is false), one
 * header row of `scope="col"` cells (or `head` for headings of its own, e.g. sortable ones) and the body rows.
 */
export function Table({
  caption,
  hiddenCaption = true,
  captionClassName,
  className,
  columns = [],
  head,
  children,
}: {
  caption: ReactNode
  hiddenCaption?: boolean
  /** Class of a visible caption. */
  captionClassName?: string
  /** Classes besides `table`, e.g. `table--compact`. */
  className?: string
  columns?: Column[]
  /** Header cells of their own instead of `columns`. */
  head?: ReactNode
  children: ReactNode
}) {
  // The table scrolls within its card on a narrow screen: the wrapper is focusable, so the keyboard can scroll it too
  // (it adds no landmark: the caption names the table).
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className={className ? `table ${className}` : 'table'}>
        <caption className={hiddenCaption ? 'visually-hidden' : captionClassName}>{caption}</caption>
        <thead>
          <tr>
            {head ??
              columns.map((c, i) =>
                isLabelled(c) ? (
                  <th key={i} scope="col" className={c.className}>
                    {c.label}
                  </th>
                ) : (
                  <th key={i} scope="col">
                    {c}
                  </th>
                ),
              )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}

/** An action in a table row: its word, and for screen readers the row it acts on ("Bearbeiten: Jugendamt"). */
export function RowAction({
  label,
  subject,
  onClick,
  pressed,
}: {
  label: string
  subject: string
  onClick: () => void
  /** For toggles (e.g. "In Karte zeigen" for the selected node). */
  pressed?: boolean
}) {
  return (
    <button type="button" className="button button--link" onClick={onClick} aria-pressed={pressed}>
      {label}
      <span className="visually-hidden">: {subject}</span>
    </button>
  )
}
