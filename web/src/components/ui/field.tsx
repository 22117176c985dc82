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

type Common = { label: ReactNode; hint?: ReactNode; error?: string; required?: boolean; id?: string }

/** Splits a field's own props (label, hint, error, required, id) from those of its control. */
function splitField<P extends Common>({ label, hint, error, required, id, ...control }: P) {
  return [{ label, hint, error, required, id }, control] as const
}

/** FieldShell with an id of its own when none is given. */
function Field({ id, children, ...shell }: Common & { children: FieldShellProps['children'] }) {
  const generated = useId()
  return (
    <FieldShell id={id ?? generated} {...shell}>
      {children}
    </FieldShell>
  )
}

type FieldProps<Attributes, E> = Common & Attributes & { ref?: Ref<E> }

export function TextField({ ref, ...props }: FieldProps<InputHTMLAttributes<HTMLInputElement>, HTMLInputElement>) {
  const [field, input] = splitField(props)
  return <Field {...field}>{(aria) => <input ref={ref} className="input" {...input} {...aria} />}</Field>
}

export function TextAreaField({ ref, ...props }: FieldProps<TextareaHTMLAttributes<HTMLTextAreaElement>, HTMLTextAreaElement>) {
  const [field, textarea] = splitField(props)
  return <Field {...field}>{(aria) => <textarea ref={ref} className="input" {...textarea} {...aria} />}</Field>
}

export function SelectField({ ref, children, ...props }: FieldProps<SelectHTMLAttributes<HTMLSelectElement>, HTMLSelectElement>) {
  const [field, select] = splitField(props)
  return (
    <Field {...field}>
      {(aria) => (
        <select ref={ref} className="input" {...select} {...aria}>
          {children}
        </select>
      )}
    </Field>
  )
}
