import { useTranslation } from 'react-i18next'
import { isRouteErrorResponse, Link, useRouteError } from 'react-router'
import { usePageTitle } from '@/lib/use-page-title'

export function NotFoundPage() {
  const { t } = useTranslation()
  usePageTitle(t('notFound.title'))
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  )
}

/** Last resort for render errors: a page of its own with a landmark and one h1. */
export function RouteErrorPage() {
  const { t } = useTranslation()
  const error = useRouteError()
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : ''
  return (
    <main id="main" className="page page--narrow">
      <h1>{t('routeError.title')}</h1>
      <p>{t('routeError.text')}</p>
      {detail ? <pre className="error-detail">{detail}</pre> : null}
      <p>
        <a href="/">{t('notFound.home')}</a>
      </p>
    </main>
  )
}

/** The router's HydrateFallback: nothing, until the first page's code is there (see router). */
export function BlankUntilLoaded() {
  return null
}
