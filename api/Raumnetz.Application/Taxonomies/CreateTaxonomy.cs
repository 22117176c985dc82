using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Taxonomies;

/// <summary>A further taxonomy of categories or target groups (the German defaults ship with the product).</summary>
public sealed record CreateTaxonomyCommand : ICommand<TaxonomyDto>
{
    public string Code { get; init; } = "";
    public TaxonomyKind Kind { get; init; }
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public string? Uri { get; init; }
    public string? VersionLabel { get; init; }
}

public sealed class CreateTaxonomyValidator : AbstractValidator<CreateTaxonomyCommand>
{
    public CreateTaxonomyValidator()
    {
        RuleFor(x => x.Code).Code();
        RuleFor(x => x.Kind).DefinedEnum();
        RuleFor(x => x.Name).RequiredText(Limits.Name);
        RuleFor(x => x.Description).MaximumLength(Limits.Note);
        RuleFor(x => x.Uri).OptionalUrl();
        RuleFor(x => x.VersionLabel).MaximumLength(Limits.Code);
    }
}

public sealed class CreateTaxonomyHandler(IUnitOfWork unitOfWork, TimeProvider clock) : IRequestHandler<CreateTaxonomyCommand, TaxonomyDto>
{
    public async Task<TaxonomyDto> Handle(CreateTaxonomyCommand request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync("""
                INSERT INTO taxonomies (id, code, kind, name, description, uri, version_label, version, created_at, updated_at)
                VALUES (@id, @code, @kind, @name, @description, @uri, @versionLabel, 1, @now, @now)
                """, new
            {
                id, code = request.Code.Trim(), kind = request.Kind.ToString(), name = request.Name.Trim(),
                description = TaxonomyText.Optional(request.Description), uri = TaxonomyText.Optional(request.Uri),
                versionLabel = TaxonomyText.Optional(request.VersionLabel), now = clock.GetUtcNow(),
            }, tx);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e))
        {
            throw new ConflictException(Text.Format(Messages.Conflict_TaxonomyCode, request.Code.Trim()), "code");
        }
        return (await TaxonomyReads.LoadTaxonomyAsync(connection, tx, id, cancellationToken))!;
    }
}

internal static class TaxonomyText
{
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
