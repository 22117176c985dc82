import { useId, useState, type Ref, type TextareaHTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'
import { renderMarkdown } from '@/lib/markdown'
import { FieldShell } from './field'

/** Renders Markdown safely (sanitised HTML). */
export function Markdown({ source, className }: { source: string; className?: string }) {
  return <div className={className ? `markdown ${className}` : 'markdown'} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />
}

type MarkdownFieldProps = {
  label: string
  hint?: string
  error?: string
  required?: boolean
  /** Current text (e.g. react-hook-form's watch), shown in the preview. */
  value: string
  ref?: Ref<HTMLTextAreaElement>
} & TextareaHTMLAttributes<HTMLTextAreaElement>

/**
 * A Markdown text area with an Edit/Preview toggle (two buttons with aria-pressed). The text area
 * stays in the form while the preview is shown, so nothing is lost and validation still applies.
 */
export function MarkdownField({ label, hint, error, required, value, id, ref, ...textarea }: MarkdownFieldProps) {
  const { t } = useTranslation()
  const generated = useId()
  const fieldId = id ?? generated
  const previewId = `${fieldId}-preview`
  const [preview, setPreview] = useState(false)
  return (
    <FieldShell id={fieldId} label={label} hint={hint ?? t('markdown.hint')} error={error} required={required}>
      {(aria) => (
        <div className="md-field">
          <div className="segmented" role="group" aria-label={t('markdown.mode', { label })}>
            <button type="button" className="segmented__button" aria-pressed={!preview} onClick={() => setPreview(false)}>
              {t('markdown.edit')}
            </button>
            <button type="button" className="segmented__button" aria-pressed={preview} aria-controls={previewId} onClick={() => setPreview(true)}>
              {t('markdown.preview')}
            </button>
          </div>
          <textarea ref={ref} className="input" hidden={preview} {...textarea} {...aria} />
          {preview ? (
            <section id={previewId} className="md-field__preview" aria-label={t('markdown.previewOf', { label })}>
              {value.trim() ? <Markdown source={value} /> : <p className="muted">{t('markdown.empty')}</p>}
            </section>
          ) : null}
        </div>
      )}
    </FieldShell>
  )
}
