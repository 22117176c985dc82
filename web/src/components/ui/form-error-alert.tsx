import type { ReactNode } from 'react'
import type { Problem } from '@/api'
import { Alert } from './feedback'

/**
 * What a form shows above its fields after a failed submit: the message, errors that fit no field, and an action for the
 * problem (e.g. reload on 412).
 */
export interface FormError {
  message: string
  details: string[]
  problem?: Problem
}

export function FormErrorAlert({
  error,
  renderProblemAction,
}: {
  error: FormError | null
  renderProblemAction?: (problem: Problem) => ReactNode
}) {
  if (!error) return null
  return (
    <Alert tone="error" title={error.message}>
      {error.details.length > 0 ? (
        <ul>
          {error.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
      {error.problem && renderProblemAction ? renderProblemAction(error.problem) : null}
    </Alert>
  )
}
