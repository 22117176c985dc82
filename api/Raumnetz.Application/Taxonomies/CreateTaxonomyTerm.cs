using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Taxonomies;

public sealed record CreateTaxonomyTermCommand : TaxonomyTermFields, ICommand<TaxonomyTermDto>
{
    public CreateTaxonomyTermCommand() { }

    public CreateTaxonomyTermCommand(TaxonomyTermFields fields) : base(fields) { }

    public Guid TaxonomyId { get; init; }
}

public sealed class CreateTaxonomyTermValidator : TaxonomyTermFieldsValidator<CreateTaxonomyTermCommand>;

public sealed class CreateTaxonomyTermHandler(IUnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<CreateTaxonomyTermCommand, TaxonomyTermDto>
{
    public async Task<TaxonomyTermDto> Handle(CreateTaxonomyTermCommand request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        await TaxonomyTermChecks.CheckAsync(connection, tx, request.TaxonomyId, request, null);
        var p = new DynamicParameters(TaxonomyTermChecks.Parameters(request));
        p.Add("id", id);
        p.Add("taxonomyId", request.TaxonomyId);
        p.Add("now", clock.GetUtcNow());
        try
        {
            await connection.ExecuteAsync("""
                INSERT INTO taxonomy_terms (id, taxonomy_id, code, name_de, name_en, description, parent_id, term_uri, sort_order,
                    archived_at, version, created_at, updated_at)
                VALUES (@id, @taxonomyId, @code, @nameDe, @nameEn, @description, @parentId, @termUri, @sortOrder, NULL, 1, @now, @now)
                """, p, tx);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e))
        {
            throw new ConflictException(
                $"A term with the code '{request.Code.Trim()}' exists already (codes are unique across taxonomies).",
                "code");
        }
        catch (Exception e) when (unitOfWork.Dialect.IsForeignKeyViolation(e))
        {
            throw new ConflictException("The taxonomy or the parent term was removed meanwhile. Reload and try again.");
        }
        return (await TaxonomyReads.LoadTermAsync(connection, tx, id, cancellationToken))!;
    }
}
