using Dapper;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Inventory;

/// <summary>Archiving and restoring locations and services: archived records stay readable and are hidden from lists by default.</summary>
public static class InventoryArchiving
{
    /// <summary>Sets archived_at of the row to now or clears it (a no-op when it is in that state already). <paramref name="table"/> is a
    /// constant of the caller.</summary>
    public static async Task SetAsync(IUnitOfWork unitOfWork, string table, string resource, Guid id, long? expectedVersion, bool archive,
        DateTimeOffset now, CancellationToken ct)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(ct);
        var version = await Versioning.CheckAsync(connection, tx, table, resource, id, expectedVersion);
        var isArchived = await connection.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM {table} WHERE id = @id AND archived_at IS NOT NULL",
            new { id }, tx) > 0;
        if (isArchived == archive) return;
        DateTimeOffset? archivedAt = archive ? now : null;
        var rows = await connection.ExecuteAsync(
            $"UPDATE {table} SET archived_at = @archivedAt, version = version + 1, updated_at = @now WHERE id = @id AND version = @version",
            new { id, archivedAt, now, version }, tx);
        Versioning.EnsureUpdated(rows, resource, id, version);
    }
}
