import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ActorKind } from '@/api'
import { listActors } from '@/api/requests'
import { queryKeys } from '@/lib/query-keys'

const SUGGESTIONS = 8

/**
 * Picks one actor by searching as you type (the API's search, at most eight suggestions) instead of a list of every
 * actor: a combobox with a listbox, arrow keys move through the suggestions, Enter picks, Escape closes. Give it a `key`
 * that changes with `valueName` to show a chosen actor's name once it has loaded.
 */
export function ActorSearch({ label, value, valueName, onChange, kind, hint, id: givenId, error, required, exclude }: {
  label: string
  /** The input's id (a form's error summary links to it). */
  id?: string
  error?: string
  required?: boolean
  /** An actor not to offer (e.g. the actor itself as its own partner). */
  exclude?: string
  value?: string
  /** The chosen actor's name, shown while the field is not being edited. */
  valueName?: string
  onChange: (actor: { id: string; name: string } | undefined) => void
  kind?: ActorKind
  hint?: string
}) {
  const { t } = useTranslation()
  const ownId = useId()
  const id = givenId ?? ownId
  const [text, setText] = useState(valueName ?? '')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const [q, setQ] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 200)
    return () => clearTimeout(timer)
  }, [text])
  const results = useQuery({
    queryKey: [...queryKeys.actors.all, 'search', kind ?? null, q],
    queryFn: async () => (await listActors({ q, kind, includeArchived: false, limit: SUGGESTIONS })).items,
    enabled: open && q.length >= 2,
    placeholderData: keepPreviousData,
  })
  const items = open && q.length >= 2 ? (results.data ?? []).filter((a) => a.id !== exclude) : []
  const pick = (i: number) => {
    const actor = items[i]
    if (!actor) return
    onChange({ id: actor.id, name: actor.name })
    setText(actor.name)
    setOpen(false)
  }
  return (
    <div className="field combobox">
      <label htmlFor={id} className="field__label">{label}</label>
      <input id={id} className="input" role="combobox" aria-expanded={items.length > 0} aria-controls={`${id}-list`}
        aria-autocomplete="list" aria-activedescendant={items.length > 0 ? `${id}-o${active}` : undefined}
        aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim() || undefined}
        aria-invalid={error ? true : undefined} aria-required={required || undefined} value={text} autoComplete="off"
        onChange={(e) => { setText(e.target.value); setOpen(true); setActive(0); if (e.target.value === '' && value) onChange(undefined) }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { e.preventDefault(); setOpen(true); setActive((a) => Math.min(a + 1, Math.max(0, items.length - 1))) }
          else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(0, a - 1)) }
          else if (e.key === 'Enter' && items.length > 0) { e.preventDefault(); pick(active) }
          else if (e.key === 'Escape') setOpen(false)
        }} />
      {hint ? <p id={`${id}-hint`} className="field__hint">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="field__error">{error}</p> : null}
      <ul id={`${id}-list`} role="listbox" aria-label={label} className="combobox__list" hidden={items.length === 0}>
        {items.map((a, i) => (
          <li key={a.id} id={`${id}-o${i}`} role="option" aria-selected={i === active} className={i === active ? 'is-active' : undefined}
            onMouseDown={(e) => { e.preventDefault(); pick(i) }}>
            {a.name}
          </li>
        ))}
      </ul>
      {open && q.length >= 2 && results.isSuccess && results.data.length === 0 ? <p
        className="muted small">{t('pickers.noMatch')}</p> : null}
    </div>
  )
}
