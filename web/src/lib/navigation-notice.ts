import { useLocation } from 'react-router'

/** The notice a page was opened with (`navigate(to, { state: { notice } })`, e.g. "„X“ wurde angelegt."), if any. */
export function useNavigationNotice(): string | undefined {
  const location = useLocation()
  return (location.state as { notice?: string } | null)?.notice
}
