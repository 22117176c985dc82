import type { UseQueryResult } from '@tanstack/react-query'
import { Link } from 'react-router'
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
  back,
}: {
  query: Pick<UseQueryResult<unknown>, 'isError' | 'error' | 'refetch'>
  title: string
  loadingLabel?: string
  /** A link shown below the problem only, e.g. back to the list. */
  back?: { to: string; label: string }
}) {
  return (
    <>
      <h1>{title}</h1>
      {query.isError ? (
        <>
          <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
          {back ? (
            <p>
              <Link to={back.to}>{back.label}</Link>
            </p>
          ) : null}
        </>
      ) : (
        <Loading label={loadingLabel} />
      )}
    </>
  )
}
