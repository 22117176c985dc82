import { useState } from 'react'
import type { FieldValues, UseFormSetError } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { toProblem } from '@/api/problem'
import { applyServerErrors } from '@/lib/form-errors'
import type { FormError } from './form-error-alert'
import { useProblemMessage } from './use-problem-message'

// After a failed submit: the server's field errors go onto the form's fields, the rest is shown above the form.

interface FailOptions {
  /** Statuses whose field errors go onto the fields (page forms: 400 only by default; forms inside a page: any). */
  fieldStatuses?: number[]
  /**
   * Renames or takes out server keys before they are matched to fields (e.g. the partner of a relation); called only
   * when the errors go onto the fields.
   */
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
