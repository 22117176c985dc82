import { useState } from 'react'

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
