import { useTranslation } from 'react-i18next'
import type { AccessibilityInfo } from '@/api'

const FEATURES = ['stepFreeAccess', 'accessibleToilet', 'lift', 'hearingLoop'] as const
type Feature = (typeof FEATURES)[number]

/** Simple line icons (decorative: the text beside each says the same). */
const ICONS: Record<Feature, string> = {
  stepFreeAccess: 'M4 20h16M6 20v-4h4v-4h4v-4h4',
  accessibleToilet: 'M8 4a2 2 0 1 0 0 .1M6 8h4v6H6zM16 4v16M13 10h6',
  lift: 'M5 3h14v18H5zM9 9l3-3 3 3M9 15l3 3 3-3',
  hearingLoop: 'M7 14a5 5 0 1 1 10 0c0 3-3 3-3 6M10 12a2 2 0 1 1 4 0',
}

/** The accessibility checklist: each item with an icon AND its text (yes, no, unknown), then the free text. */
export function AccessibilityList({ accessibility }: { accessibility: AccessibilityInfo }) {
  const { t } = useTranslation()
  return (
    <>
      <ul className="access-list">
        {FEATURES.map((feature) => {
          const value = accessibility[feature]
          const state = value === true ? 'yes' : value === false ? 'no' : 'unknown'
          return (
            <li key={feature} className={`access-list__item access-list__item--${state}`}>
              <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false" className="access-list__icon">
                <path d={ICONS[feature]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
              <span>
                {t(`inventory.access.${feature}`)}: <strong>{t(`inventory.access.${state}`)}</strong>
              </span>
            </li>
          )
        })}
      </ul>
      {accessibility.description ? <p>{accessibility.description}</p> : null}
      {accessibility.details ? <p className="muted">{accessibility.details}</p> : null}
    </>
  )
}
