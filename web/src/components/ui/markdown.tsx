import { useId, useState, type Ref, type TextareaHTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'
import { renderMarkdown } from '@/lib/markdown'
import { FieldShell } from './field'

/** Renders Markdown safely (sanitised HTML); its headings start at `headingLevel` (default h3, below a section's h2). */
export function Markdown({ source, className, headingLevel = 3 }: { source: string; className?: string; headingLevel?: number }) {
  return (
    <div className={className ? `markdown ${className}` : 'markdown'}
      dangerouslySetInnerHTML={{ __html: renderMarkdown(source, headingLevel) }} />
  )
}

type MarkdownFieldProps = {
  label: string
  hint?: string
  error?: string
  required?: boolean
  /** Current text (e.g. react-hook-form's watch), shown in the preview. */
  value: string
  /** Level of the preview's top headings (the form's heading level + 1). */
  previewHeadingLevel?: number
  ref?: Ref<HTMLTextAreaElement>
} & TextareaHTMLAttributes<HTMLTextAreaElement>

/**
 * A Markdown text area with an Edit/Preview toggle (two buttons with aria-pressed). The text area
 * stays in the form while the preview is shown, so nothing is lost and validation still applies.
 */
export function MarkdownField({ label, hint, error, required, value, previewHeadingLevel = 2, id, ref, ...textarea }: MarkdownFieldProps) {
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
            <button type="button" className="segmented__button" aria-pressed={preview} onClick={() => setPreview(true)}>
              {t('markdown.preview')}
            </button>
          </div>
          <textarea ref={ref} className="input" hidden={preview} {...textarea} {...aria} />
          {preview ? (
            <section id={previewId} className="md-field__preview" aria-label={t('markdown.previewOf', { label })}>
              {value.trim() ? <Markdown source={value} headingLevel={previewHeadingLevel} /> : <p
                className="muted">{t('markdown.empty')}</p>}
            </section>
          ) : null}
        </div>
      )}
    </FieldShell>
  )
}
