using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Taxonomies;

/// <summary>
/// Replaces the fields of a term; <see cref="Archived"/> retires it (records keep it, new ones cannot be given it) or brings
/// it back. A changed code changes what exports carry from then on. <see cref="ExpectedVersion"/> comes from If-Match.
/// </summary>
public sealed record UpdateTaxonomyTermCommand : TaxonomyTermFields, ICommand<TaxonomyTermDto>
{
    public UpdateTaxonomyTermCommand() { }

    public UpdateTaxonomyTermCommand(UpdateTaxonomyTermFields fields) : base(fields) => Archived = fields.Archived;

    public Guid TaxonomyId { get; init; }
    public Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
    /// <summary>Retire the term (true) or keep it in use (false, the default).</summary>
    public bool? Archived { get; init; }
}

/// <summary>The body of a term update: the term's fields and whether it is archived.</summary>
public abstract record UpdateTaxonomyTermFields : TaxonomyTermFields
{
    /// <summary>Retire the term (true) or keep it in use (false, the default).</summary>
    public bool? Archived { get; init; }
}

public sealed class UpdateTaxonomyTermValidator : TaxonomyTermFieldsValidator<UpdateTaxonomyTermCommand>;

public sealed class UpdateTaxonomyTermHandler(IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<UpdateTaxonomyTermCommand, TaxonomyTermDto>
{
    public async Task<TaxonomyTermDto> Handle(UpdateTaxonomyTermCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var current = await TaxonomyReads.LoadTermAsync(connection, tx, request.Id, cancellationToken);
        if (current is null || current.TaxonomyId != request.TaxonomyId) throw new NotFoundException("Taxonomy term", request.Id);
        var version = await Versioning.CheckAsync(connection, tx, "taxonomy_terms", "Taxonomy term", request.Id, request.ExpectedVersion);
        await TaxonomyTermChecks.CheckAsync(connection, tx, request.TaxonomyId, request, request.Id);
        var now = clock.GetUtcNow();
        var p = new DynamicParameters(TaxonomyTermChecks.Parameters(request));
        p.Add("id", request.Id);
        p.Add("version", version);
        p.Add("now", now);
        p.Add("archivedAt", request.Archived == true ? current.ArchivedAt ?? now : null);
        try
        {
            var rows = await connection.ExecuteAsync("""
                UPDATE taxonomy_terms SET code = @code, name_de = @nameDe, name_en = @nameEn, description = @description,
                    parent_id = @parentId, term_uri = @termUri, sort_order = @sortOrder, archived_at = @archivedAt,
                    version = version + 1, updated_at = @now
                WHERE id = @id AND version = @version
                """, p, tx);
            Versioning.EnsureUpdated(rows, "Taxonomy term", request.Id, version);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e))
        {
            throw new ConflictException(
                $"A term with the code '{request.Code.Trim()}' exists already (codes are unique across taxonomies).",
                "code");
        }
        return (await TaxonomyReads.LoadTermAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
