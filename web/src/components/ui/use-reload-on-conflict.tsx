import { useState } from 'react'
import type { Problem } from '@/api'

/**
 * For edit forms: when saving answers 412 (someone changed the record meanwhile), offer a button that reloads the
 * record and re-mounts the form with it. Put `formKey` into the form's `key` and pass `renderProblemAction` to it.
 */
export function useReloadOnConflict(reload: () => Promise<unknown>, label: string) {
  const [formKey, setFormKey] = useState(0)
  const renderProblemAction = (problem: Problem) =>
    problem.status === 412 ? (
      <button
        type="button"
        className="button button--secondary"
        onClick={async () => {
          await reload()
          setFormKey((k) => k + 1)
        }}
      >
        {label}
      </button>
    ) : null
  return { formKey, renderProblemAction }
}
