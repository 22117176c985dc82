using System.Data.Common;
using Dapper;

namespace Raumnetz.Application.Assessments;

/// <summary>The load of an assessment that several use cases share: GET, the list, update and delete, and the answer of create.</summary>
public sealed class AssessmentReads
{
    /// <summary>The columns of <see cref="AssessmentDto"/>, read straight into it.</summary>
    public const string Columns = "a.id, a.indicator_id, a.space_id, a.period, a.actor_id, x.name AS actor_name, a.rating, a.comment, " +
        "a.version, a.created_at, a.updated_at";

    public const string From = "assessments a LEFT JOIN actors x ON x.id = a.actor_id";

    /// <summary>The assessment with this id; null when there is none.</summary>
    public Task<AssessmentDto?> LoadAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<AssessmentDto?>(
            new CommandDefinition($"SELECT {Columns} FROM {From} WHERE a.id = @id", new { id }, tx, cancellationToken: ct));
}
