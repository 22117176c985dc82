import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Problem } from '@/api/problem'

/**
 * What every form does the same way: the props of a create/edit form shown on a page of its own and the buttons under
 * it (the error after a failed submit: use-form-error.ts).
 */

/** Props of a create/edit form on a page of its own (actor, network, meeting, indicator). */
export interface PageFormProps<Request> {
  submitLabel: string
  /** Where "Abbrechen" goes. */
  cancelTo: string
  /** Sends the request; throws what the API client throws. */
  onSubmit: (request: Request) => Promise<void>
  /** Extra content for an error alert, e.g. a reload button for 412. */
  renderProblemAction?: (problem: Problem) => ReactNode
}

/** Submit ("Wird gespeichert …" while it runs) and cancel: a link back for page forms, a button for forms inside a page. */
export function FormActions({
  submitting,
  submitLabel,
  cancel,
}: {
  submitting: boolean
  submitLabel: string
  /** A path to go back to, or what to do (close the form). */
  cancel: string | (() => void)
}) {
  const { t } = useTranslation()
  return (
    <div className="form__actions">
      <button type="submit" className="button button--primary" disabled={submitting}>
        {submitting ? t('common.saving') : submitLabel}
      </button>
      {typeof cancel === 'string' ? (
        <Link to={cancel} className="button button--secondary">
          {t('common.cancel')}
        </Link>
      ) : (
        <button type="button" className="button button--secondary" onClick={cancel}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  )
}
