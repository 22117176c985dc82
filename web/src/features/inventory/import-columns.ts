import type { TFunction } from 'i18next'
import type { ImportRowError } from '@/api'

/** The columns of the spreadsheet import (README, InventoryImportColumns.cs): the canonical name and the usual German headers. */
export const IMPORT_COLUMNS = [
  { column: 'external_id', headers: 'Externe ID, ID, Angebot-ID', required: true },
  { column: 'service_external_id', headers: 'service_external_id (ein Angebot an mehreren Standorten)', required: false },
  { column: 'location_external_id', headers: 'Standort-ID, Einrichtung-ID', required: false },
  { column: 'location_name', headers: 'Einrichtung, Standort', required: true },
  { column: 'street', headers: 'Straße, Adresse', required: false },
  { column: 'postal_code', headers: 'PLZ', required: false },
  { column: 'city', headers: 'Ort', required: false },
  { column: 'latitude', headers: 'Breite', required: false },
  { column: 'longitude', headers: 'Länge', required: false },
  { column: 'space', headers: 'Sozialraum', required: false },
  { column: 'service_name', headers: 'Angebot', required: true },
  { column: 'category', headers: 'Kategorie', required: false },
  { column: 'target_group', headers: 'Zielgruppe', required: false },
  { column: 'operator', headers: 'Träger', required: false },
  { column: 'ages', headers: 'Alter', required: false },
  { column: 'minimum_age', headers: 'Mindestalter, Alter von', required: false },
  { column: 'maximum_age', headers: 'Höchstalter, Alter bis', required: false },
  { column: 'capacity', headers: 'Kapazität, Plätze', required: false },
  { column: 'capacity_unit', headers: 'Einheit', required: false },
  { column: 'funders', headers: 'Förderer, Fördermittelgeber', required: false },
  { column: 'funding_end', headers: 'Förderende', required: false },
  { column: 'status', headers: 'Status', required: false },
] as const

/**
 * What is wrong with a row in the UI's language, from the error's code and arguments; the server's English message for
 * codes this version of the app does not know (and for a real import's field errors, which carry no code).
 */
export function importRowErrorText(t: TFunction, language: string, error: ImportRowError): string {
  if (!error.code) return error.message
  const args: Record<string, string> = { ...error.args }
  // "required" on a column that is not always required means more than an empty cell: a funding end needs the funders,
  // a street the postal code and city, a coordinate the other one. Such a column has a text of its own; a reason this
  // version of the app does not know is the server's message (written in the UI language, which the request carried).
  if (error.code === 'required' && !IMPORT_COLUMNS.some((c) => c.column === error.column && c.required))
    return t(`inventory.import.rowError.required_${error.column}`, { ...args, column: error.column, defaultValue: error.message })
  for (const name of ['max', 'first'] as const) {
    const n = Number(args[name])
    if (args[name] !== undefined && Number.isFinite(n)) args[name] = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'de-DE').format(n)
  }
  return t(`inventory.import.rowError.${error.code}`, { ...args, column: error.column, defaultValue: error.message })
}
