export function RoundCreatePage() { return null }
