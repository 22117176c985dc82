import { useTranslation } from 'react-i18next'
import type { ActorTypeDto } from '@/api'

/** Display name of an actor type in the UI language. */
export function useActorTypeName() {
  const { i18n } = useTranslation()
  return (type: Pick<ActorTypeDto, 'code' | 'nameDe' | 'nameEn'> | undefined, fallback = ''): string => {
    if (!type) return fallback
    return (i18n.language === 'en' ? type.nameEn : type.nameDe) || type.code
  }
}
