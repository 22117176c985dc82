import type { ReactNode } from 'react'
import type { UseQueryResult } from '@tanstack/react-query'
import { Loading } from './feedback'
import { ProblemAlert } from './problem-alert'

/**
 * What a page shows while its main query has no data yet: the page heading with a loading state, or the problem
 * with a retry (and, for example, a way back) when it failed. Pages render it as long as `query.data` is undefined.
 */
export function QueryFallback({
  query,
  title,
  loadingLabel,
  children,
}: {
  query: Pick<UseQueryResult<unknown>, 'isError' | 'error' | 'refetch'>
  title: string
  loadingLabel?: string
  /** Shown below the problem only, e.g. a link back to the list. */
  children?: ReactNode
}) {
  return (
    <>
      <h1>{title}</h1>
      {query.isError ? (
        <>
          <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
          {children}
        </>
      ) : (
        <Loading label={loadingLabel} />
      )}
    </>
  )
}
