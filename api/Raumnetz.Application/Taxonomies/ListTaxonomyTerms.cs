using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Taxonomies;

/// <summary>
/// The terms of a taxonomy, parents before their children, siblings by sort order and code (a taxonomy has some dozens to
/// hundreds of terms, so the list comes whole). Archived terms only with <see cref="IncludeArchived"/>; <see cref="Q"/> finds
/// text in the code or either name.
/// </summary>
public sealed record ListTaxonomyTermsQuery(Guid TaxonomyId, string? Q, bool IncludeArchived) : IRequest<IReadOnlyList<TaxonomyTermDto>>;

public sealed class ListTaxonomyTermsValidator : AbstractValidator<ListTaxonomyTermsQuery>
{
    public ListTaxonomyTermsValidator() => RuleFor(x => x.Q).MaximumLength(Limits.Search);
}

public sealed class ListTaxonomyTermsHandler(IDbConnectionFactory db)
    : IRequestHandler<ListTaxonomyTermsQuery, IReadOnlyList<TaxonomyTermDto>>
{
    public Task<IReadOnlyList<TaxonomyTermDto>> Handle(ListTaxonomyTermsQuery request, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<TaxonomyTermDto>>(async (connection, ct) =>
        {
            if (await TaxonomyReads.LoadTaxonomyAsync(connection, null, request.TaxonomyId, ct) is null)
                throw new NotFoundException("Taxonomy", request.TaxonomyId);
            var terms = (await connection.QueryAsync<TaxonomyTermDto>(new CommandDefinition(
                $"SELECT {TaxonomyReads.TermColumns} FROM {TaxonomyReads.TermFrom} WHERE tt.taxonomy_id = @id" +
                (request.IncludeArchived ? "" : " AND tt.archived_at IS NULL"),
                new { id = request.TaxonomyId }, cancellationToken: ct))).ToList();
            var ordered = TreeOrder(terms);
            if (string.IsNullOrWhiteSpace(request.Q)) return ordered;
            var key = TextRules.SearchKey(request.Q);
            return ordered.Where(t => TextRules.SearchKey(t.Code).Contains(key, StringComparison.Ordinal)
                || TextRules.SearchKey(t.NameDe).Contains(key, StringComparison.Ordinal)
                || TextRules.SearchKey(t.NameEn).Contains(key, StringComparison.Ordinal)).ToList();
        }, cancellationToken);

    /// <summary>Depth first: each term followed by its children, siblings by sort order, then code.</summary>
    internal static List<TaxonomyTermDto> TreeOrder(IReadOnlyList<TaxonomyTermDto> terms)
    {
        var ids = terms.Select(t => t.Id).ToHashSet();
        var children = terms.ToLookup(t => t.ParentId is { } p && ids.Contains(p) ? p : (Guid?)null);
        var result = new List<TaxonomyTermDto>(terms.Count);
        void Walk(Guid? parent)
        {
            foreach (var t in children[parent].OrderBy(t => t.SortOrder).ThenBy(t => t.Code, StringComparer.Ordinal))
            {
                result.Add(t);
                Walk(t.Id);
            }
        }
        Walk(null);
        return result;
    }
}
