import type { TFunction } from 'i18next'
import { localeFor } from '@/lib/i18n'

/**
 * Latitude and longitude written so that they cannot be read as four numbers: "52,4031° N, 13,2702° O" in German
 * (where "52,4031, 13,2702" would be), "52.4031° N, 13.2702° E" in English; up to six decimals (about 10 cm).
 */
export function formatCoordinates(latitude: number, longitude: number, t: TFunction, lng: string): string {
  const degrees = new Intl.NumberFormat(localeFor(lng), { maximumFractionDigits: 6 })
  return t('inventory.coordinates.value', {
    latitude: degrees.format(Math.abs(latitude)),
    northSouth: t(latitude < 0 ? 'inventory.coordinates.south' : 'inventory.coordinates.north'),
    longitude: degrees.format(Math.abs(longitude)),
    eastWest: t(longitude < 0 ? 'inventory.coordinates.west' : 'inventory.coordinates.east'),
  })
}
