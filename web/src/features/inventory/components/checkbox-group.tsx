import type { ReactNode } from 'react'

/** A fieldset of checkboxes for a list of ids or codes (controlled, so one option still gives a list). */
export function CheckboxGroup({
  id,
  legend,
  options,
  value,
  onChange,
  error,
  hint,
  required,
}: {
  id: string
  legend: string
  options: readonly { value: string; label: ReactNode; indent?: number }[]
  value: readonly string[]
  onChange: (value: string[]) => void
  error?: string
  hint?: string
  required?: boolean
}) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <fieldset id={id} className={error ? 'fieldset fieldset--invalid' : 'fieldset'} aria-describedby={describedBy} tabIndex={-1}>
      <legend>
        {legend}
        {required ? <span className="field__required" aria-hidden="true"> *</span> : null}
      </legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className="checkbox-list checkbox-list--scroll">
        {options.map((o) => (
          <label key={o.value} className="choice" style={o.indent ? { paddingInlineStart: `${o.indent * 1.25}rem` } : undefined}>
            <input
              type="checkbox"
              name={id}
              value={o.value}
              checked={value.includes(o.value)}
              aria-invalid={error ? true : undefined}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
            />{' '}
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
