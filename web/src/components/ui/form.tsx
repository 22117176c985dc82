import { useState, type ReactNode } from 'react'
import type { FieldValues, UseFormSetError } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { toProblem, type Problem } from '@/api/problem'
import { applyServerErrors } from '@/lib/form-errors'
import type { FormError } from './form-error-alert'
import { useProblemMessage } from './use-problem-message'

/**
 * What every form does the same way: the props of a create/edit form shown on a page of its own, the error after a
 * failed submit (server field errors on the fields, the rest above the form) and the buttons under it.
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

interface FailOptions {
  /** Statuses whose field errors go onto the fields (page forms: 400 only by default; forms inside a page: any). */
  fieldStatuses?: number[]
  /** Renames or takes out server keys before they are matched to fields (e.g. the partner of a relation); called only when the errors go onto the fields. */
  mapErrors?: (errors: Record<string, string[]>) => Record<string, string[]>
}

/** Puts a failed submit's field errors on the form; returns the problem and the messages that fit no field. */
function applyFailure<T extends FieldValues>(err: unknown, setError: UseFormSetError<T>, fieldNames: readonly string[], options: FailOptions) {
  const problem = toProblem(err)
  const onFields = (!options.fieldStatuses || options.fieldStatuses.includes(problem.status)) && Object.keys(problem.errors).length > 0
  const errors = onFields && options.mapErrors ? options.mapErrors(problem.errors) : problem.errors
  const unmatched = onFields ? applyServerErrors({ ...problem, errors }, setError, fieldNames) : []
  return { problem, onFields, unmatched }
}

/**
 * The error above a page form: after a 400 with field errors "Bitte prüfen Sie die markierten Felder." and the
 * messages that fit no field (other statuses named in `fieldStatuses` keep their own message); otherwise the problem
 * in words. Show it with FormErrorAlert.
 */
export function useFormError() {
  const { t } = useTranslation()
  const describe = useProblemMessage()
  const [formError, setFormError] = useState<FormError | null>(null)
  const fail = <T extends FieldValues>(err: unknown, setError: UseFormSetError<T>, fieldNames: readonly string[], options: FailOptions = {}) => {
    const { problem, onFields, unmatched } = applyFailure(err, setError, fieldNames, { fieldStatuses: [400], ...options })
    setFormError(
      onFields
        ? { message: problem.status === 400 ? t('form.checkFields') : describe(err), details: unmatched, problem }
        : { message: describe(err), details: [], problem },
    )
  }
  return { formError, clearFormError: () => setFormError(null), fail }
}

/**
 * The one-line error of a form inside a page (member, agreement, relation): "Bitte prüfen Sie die markierten Felder."
 * when a 400's field errors all found their field, otherwise the problem in words followed by what fit no field.
 */
export function useInlineFormError() {
  const { t } = useTranslation()
  const describe = useProblemMessage()
  const [formError, setFormError] = useState<string | null>(null)
  const fail = <T extends FieldValues>(err: unknown, setError: UseFormSetError<T>, fieldNames: readonly string[], options: FailOptions = {}) => {
    const { problem, onFields, unmatched } = applyFailure(err, setError, fieldNames, options)
    setFormError(problem.status === 400 && onFields && unmatched.length === 0 ? t('form.checkFields') : [describe(err), ...unmatched].join(' '))
  }
  return { formError, setFormError, fail }
}

/** Submit ("Wird gespeichert …" while it runs) and cancel: a link back for page forms, a button for forms inside a page. */
export function FormActions({ submitting, submitLabel, cancel }: { submitting: boolean; submitLabel: string; cancel: string | (() => void) }) {
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
