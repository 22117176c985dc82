import { useTranslation } from 'react-i18next'
import { toProblem } from '@/api/problem'

/**
 * Human message for an API error. The server answers in the UI language (apiFetch sends Accept-Language), so its own
 * words are shown where they say more than a generic text: the field messages of a refused input, the detail of a
 * conflict, a missing precondition or a refusal. A 404 and server errors keep the UI's own text.
 */
export function useProblemMessage() {
  const { t } = useTranslation()
  return (err: unknown): string => {
    const p = toProblem(err)
    if (p.network) return t('errors.network')
    const fieldMessages = Object.values(p.errors).flat()
    switch (p.status) {
      case 401:
        return t('errors.unauthorized')
      case 403:
        return p.detail ?? t('errors.forbidden')
      case 404:
        return t('errors.notFound')
      case 409:
        return p.detail ? t('errors.conflictWithDetail', { detail: p.detail }) : t('errors.conflict')
      case 412:
        return t('errors.stale')
      case 428:
        return p.detail ?? t('errors.unknown')
      case 429:
        return p.detail ?? t('errors.tooManyRequests')
      default:
        if (p.status >= 500) return t('errors.server')
        if (p.status === 400 || p.status === 415 || p.status === 422) {
          const detail = fieldMessages.length > 0 ? fieldMessages.join(' ') : p.detail
          return detail ? t('errors.badRequestWithDetail', { detail }) : t('errors.badRequest')
        }
        return t('errors.unknown')
    }
  }
}
