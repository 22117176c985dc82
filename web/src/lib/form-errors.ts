import type { FieldValues, Path, UseFormSetError } from 'react-hook-form'
import type { Problem } from '@/api/problem'

/**
 * Normalises a server error key to a form field name: `Name` → `name`,
 * `tags[3]` → `tags`, `address.city` → `address.city`, `$.email` → `email`.
 * With `keepIndex` the index stays as a path segment, as react-hook-form names
 * field-array fields: `links[0].targetNetworkId` → `links.0.targetNetworkId`.
 */
export function fieldNameFromServerKey(key: string, keepIndex = false): string {
  const trimmed = key.replace(/^\$\.?/, '')
  const withoutIndex = keepIndex ? trimmed.replace(/\[(\d+)\]/g, '.$1') : trimmed.replace(/\[\d+\]/g, '')
  return withoutIndex
    .split('.')
    .filter(Boolean)
    .map((part) => part.charAt(0).toLowerCase() + part.slice(1))
    .join('.')
}

/**
 * Puts the server's field errors (problem+json `errors`) onto react-hook-form fields.
 * An indexed key (`links[0].targetNetworkId`) goes to the field-array field
 * (`links.0.targetNetworkId`) when that is one of `fieldNames`, otherwise to the list
 * (`links`). Keys that are not fields of this form are returned, so the caller can show
 * them above the form. The first matching field gets focus.
 */
export function applyServerErrors<T extends FieldValues>(
  problem: Problem,
  setError: UseFormSetError<T>,
  fieldNames: readonly string[],
): string[] {
  const known = new Set(fieldNames)
  const unmatched: string[] = []
  let focused = false
  const grouped = new Map<string, string[]>()
  for (const [key, messages] of Object.entries(problem.errors)) {
    const indexed = fieldNameFromServerKey(key, true)
    const field = known.has(indexed) ? indexed : fieldNameFromServerKey(key)
    if (!known.has(field)) {
      unmatched.push(...messages)
      continue
    }
    grouped.set(field, [...(grouped.get(field) ?? []), ...messages])
  }
  for (const [field, messages] of grouped) {
    setError(field as Path<T>, { type: 'server', message: messages.join(' ') }, { shouldFocus: !focused })
    focused = true
  }
  return unmatched
}
