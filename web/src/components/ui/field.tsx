import { useId, type ReactNode, type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes, type Ref } from 'react'

interface FieldShellProps {
  id: string
  label: ReactNode
  required?: boolean
  hint?: ReactNode
  error?: string
  children: (aria: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string; 'aria-required'?: true }) => ReactNode
}

/** Label, hint and error message wired to one control via id / aria-describedby / aria-invalid. */
export function FieldShell({ id, label, required, hint, error, children }: FieldShellProps) {
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
        {required ? <span className="field__required" aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        'aria-required': required ? true : undefined,
      })}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  )
}

type Common = { label: ReactNode; hint?: ReactNode; error?: string; required?: boolean }

export function TextField({
  label,
  hint,
  error,
  required,
  id,
  ref,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  const generated = useId()
  return (
    <FieldShell id={id ?? generated} label={label} hint={hint} error={error} required={required}>
      {(aria) => <input ref={ref} className="input" {...input} {...aria} />}
    </FieldShell>
  )
}

export function TextAreaField({
  label,
  hint,
  error,
  required,
  id,
  ref,
  ...input
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> }) {
  const generated = useId()
  return (
    <FieldShell id={id ?? generated} label={label} hint={hint} error={error} required={required}>
      {(aria) => <textarea ref={ref} className="input" {...input} {...aria} />}
    </FieldShell>
  )
}

export function SelectField({
  label,
  hint,
  error,
  required,
  id,
  ref,
  children,
  ...input
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> }) {
  const generated = useId()
  return (
    <FieldShell id={id ?? generated} label={label} hint={hint} error={error} required={required}>
      {(aria) => (
        <select ref={ref} className="input" {...input} {...aria}>
          {children}
        </select>
      )}
    </FieldShell>
  )
}
