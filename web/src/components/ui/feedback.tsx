import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** Polite loading message (role=status) so screen readers hear that something is happening. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation()
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  )
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">{title}</p>
      {children}
    </div>
  )
}

type Tone = 'error' | 'warning' | 'success' | 'info'

/** Errors and warnings are announced assertively (role=alert), others politely. */
export function Alert({ tone = 'error', title, children, id }: { tone?: Tone; title?: string; children?: ReactNode; id?: string }) {
  const role = tone === 'error' || tone === 'warning' ? 'alert' : 'status'
  return (
    <div id={id} className={`alert alert--${tone}`} role={role}>
      {title ? <p className="alert__title">{title}</p> : null}
      {children}
    </div>
  )
}
