import { Alert } from './feedback'

/** The notice after a change in place, in a status region that is there before it is filled (so it is announced). */
export function ChangeNotice({ notice }: { notice: string }) {
  return <div role="status">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
}

/** The button that opens the add form of such a list. */
export function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="button button--secondary" onClick={onClick}>
      {label}
    </button>
  )
}
