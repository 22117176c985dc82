export function InventoryImportPage() { return null }
