import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from './feedback'

/**
 * Asks before a change that is hard to take back (archive, delete, remove): a warning with the title, what will
 * happen, what went wrong on the last try, the confirming (danger) button and "Abbrechen".
 */
export function ConfirmAlert({
  title,
  text,
  error,
  confirmLabel,
  pending,
  onConfirm,
  onCancel,
}: {
  title: string
  text: string
  /** The paragraph saying why the last try failed, if it did. */
  error?: ReactNode
  confirmLabel: string
  pending: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  return (
    <Alert tone="warning" title={title}>
      <p>{text}</p>
      {error}
      <div className="form__actions">
        <button type="button" className="button button--danger" disabled={pending} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </Alert>
  )
}
