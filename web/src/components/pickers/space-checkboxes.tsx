import type { UseFormRegisterReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { useFlatSpaces } from './spaces'

/** The social spaces as an indented checkbox list for a form field holding space ids (actors, networks). */
export function SpaceCheckboxes({
  id,
  legend,
  registration,
  error,
}: {
  /** Prefix for the error element's id. */
  id: string
  legend: string
  registration: UseFormRegisterReturn
  error?: string
}) {
  const { t } = useTranslation()
  const { spaces: flatSpaces, tree } = useFlatSpaces()
  const errorId = `${id}-error`
  return (
    <fieldset className="fieldset" aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {tree.isPending ? (
        <p className="hint">{t('common.loadingShort')}</p>
      ) : flatSpaces.length === 0 ? (
        <p className="hint">{t('form.noSpaces')}</p>
      ) : (
        <div className="checkbox-list">
          {flatSpaces.map((s) => (
            <label key={s.id} className="choice" style={{ paddingInlineStart: `${s.depth * 1.25}rem` }}>
              <input type="checkbox" value={s.id} {...registration} /> {s.name}{' '}
              <span className="muted">({t(`terms.spaceLevels.${s.level}`)})</span>
            </label>
          ))}
        </div>
      )}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
