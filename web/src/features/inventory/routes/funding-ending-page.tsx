import { useTranslation } from 'react-i18next'
import { SpaceOptions } from '@/components/pickers/space-options'
import { useFlatSpaces } from '@/components/pickers/spaces'
import { EmptyState, Loading } from '@/components/ui/feedback'
import { FilterForm, FilterSelect } from '@/components/ui/list-page'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { oneOf, textParam, useListFilters } from '@/lib/use-list-filters'
import { usePageTitle } from '@/lib/use-page-title'
import { useFundingsEnding } from '../api/inventory'
import { FundingEndingTable } from '../components/funding-ending-list'
import { InventoryNav } from '../components/inventory-nav'

const HORIZONS = ['P3M', 'P6M', 'P12M'] as const

function filtersFrom(params: URLSearchParams) {
  return { horizon: oneOf(params, 'horizon', HORIZONS), spaceId: textParam(params, 'spaceId') }
}

/** "Förderung endet bald": fundings ending within three, six (default) or twelve months. */
export function FundingEndingPage() {
  const { t } = useTranslation()
  usePageTitle(t('inventory.ending.title'))
  const filters = useListFilters(filtersFrom)
  const { filters: f, setFilter } = filters
  const ending = useFundingsEnding({ horizon: f.horizon, spaceId: f.spaceId })
  const { spaces } = useFlatSpaces()
  return (
    <>
      <h1>{t('inventory.ending.title')}</h1>
      <InventoryNav />
      <p className="lead">{t('inventory.ending.intro')}</p>
      <FilterForm label={t('inventory.ending.title')} hasFilters={filters.hasFilters} onReset={filters.reset}>
        <FilterSelect label={t('inventory.ending.horizon')} allLabel={t('inventory.ending.horizons.P6M')} value={f.horizon === 'P6M'
          ? undefined : f.horizon}
          onChange={(v) => setFilter('horizon', v)}>
          {HORIZONS.filter((h) => h !== 'P6M').map((h) => (
            <option key={h} value={h}>
              {t(`inventory.ending.horizons.${h}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label={t('list.space')} allLabel={t('list.allSpaces')} value={f.spaceId} onChange={(v) => setFilter('spaceId', v)}>
          <SpaceOptions spaces={spaces} />
        </FilterSelect>
      </FilterForm>
      {ending.isPending ? (
        <Loading label={t('inventory.ending.loading')} />
      ) : ending.isError ? (
        <ProblemAlert error={ending.error} onRetry={() => void ending.refetch()} />
      ) : ending.data.items.length === 0 ? (
        <EmptyState title={t('inventory.ending.empty')} />
      ) : (
        <FundingEndingTable items={ending.data.items} caption={t('inventory.ending.caption')} />
      )}
    </>
  )
}
