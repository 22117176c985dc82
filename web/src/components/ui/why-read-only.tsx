import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WriteAccess } from '@/lib/auth'

/**
 * Where a signed-in user may not write, a "Warum?" button that explains it on request: a reading role, or grants that
 * cover other networks or space subtrees (named). Nothing while the user may write or is not signed in.
 */
export function WhyReadOnly({ access }: { access: WriteAccess }) {
  const { t } = useTranslation()
  const id = useId()
  const [open, setOpen] = useState(false)
  if (access.allowed || !access.denial) return null
  const targets = access.grants.map((g) => g.targetName ?? t('access.unknownTarget')).join(', ')
  return (
    <div className="why-read-only">
      <button type="button" className="button button--link" aria-expanded={open} aria-controls={id} onClick={() => setOpen((v) => !v)}>
        {t('access.why')}
      </button>
      <p id={id} className="field__hint" hidden={!open}>
        {access.denial === 'readOnlyRole'
          ? t('access.readOnlyRole', { role: access.role ? t(`roles.${access.role}`) : '' })
          : t('access.outsideScope', { targets })}
      </p>
    </div>
  )
}
