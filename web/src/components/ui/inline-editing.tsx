import { useState } from 'react'
import { Alert } from './feedback'

export type Editing<T> = { mode: 'add' } | { mode: 'edit'; item: T } | null

/**
 * A list whose rows are added and edited in place (members, agreements): which form is open, and the notice after a
 * change. `close(message)` is the form's onDone: it closes the form and says what happened.
 */
export function useInlineEditing<T>() {
  const [editing, setEditing] = useState<Editing<T>>(null)
  const [notice, setNotice] = useState('')
  return {
    editing,
    notice,
    add: () => {
      setNotice('')
      setEditing({ mode: 'add' })
    },
    edit: (item: T) => {
      setNotice('')
      setEditing({ mode: 'edit', item })
    },
    close: (message = '') => {
      setEditing(null)
      setNotice(message)
    },
    clearNotice: () => setNotice(''),
  }
}

/** The notice after a change in place, in a status region that is there before it is filled (so it is announced). */
export function ChangeNotice({ notice }: { notice: string }) {
  return <div role="status">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
}

/** The button that opens the add form of such a list. */
export function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="button button--secondary" onClick={onClick}>
      {label}
    </button>
  )
}
