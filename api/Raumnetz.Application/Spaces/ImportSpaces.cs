using Raumnetz.Application.Audit;
using Raumnetz.Application.Changes;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Application.Spaces;

/// <summary>
/// A GeoJSON FeatureCollection of spaces. Each feature's properties carry <c>code</c>, <c>name</c>, <c>level</c>
/// (API name or German: Landkreis, Planungsregion, Gemeinde, Stadtteil, Quartier ...), optional <c>parentCode</c>,
/// <c>population</c> and <c>validFrom</c>. Existing codes are updated, new ones created; any bad feature imports nothing.
/// </summary>
public sealed record ImportSpacesCommand : ICommand<ImportSpacesResult>
{
    public string Type { get; init; } = "";
    public IReadOnlyCollection<SpaceFeature>? Features { get; init; }
    public bool DryRun { get; init; }
}

/// <summary>GeoJSON allows foreign members (RFC 7946, 6.1: "id", "bbox", attribute columns a GIS exports): they are ignored.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record SpaceFeature
{
    public string Type { get; init; } = "";
    public SpaceFeatureProperties? Properties { get; init; }
    public JsonElement? Geometry { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record SpaceFeatureProperties
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Level { get; init; } = "";
    public string? ParentCode { get; init; }
    public int? Population { get; init; }
    public DateOnly? ValidFrom { get; init; }
}

public sealed record ImportSpacesResult(int Created, int Updated, bool DryRun);

public sealed class ImportSpacesValidator : AbstractValidator<ImportSpacesCommand>
{
    public ImportSpacesValidator()
    {
        RuleFor(x => x.Type).MaximumLength(20).Equal("FeatureCollection").WithMessage(_ => Messages.Rule_FeatureCollection);
        RuleFor(x => x.Features).NotNull().MaxItems(Limits.ImportFeatures);
        RuleForEach(x => x.Features).NotNull().WithMessage(_ => Messages.Rule_FeatureNotNull);
        RuleForEach(x => x.Features).ChildRules(f =>
        {
            f.RuleFor(x => x.Type).MaximumLength(20).Equal("Feature").WithMessage(_ => Messages.Rule_Feature);
            f.RuleFor(x => x.Properties).NotNull();
            f.RuleFor(x => x.Properties!.Code).Code().When(x => x.Properties is not null).OverridePropertyName("properties.code");
            f.RuleFor(x => x.Properties!.Name).RequiredText(Limits.Name).When(x => x.Properties is not null).OverridePropertyName("properties.name");
            f.RuleFor(x => x.Properties!.Level).Must(l => SpaceRules.TryParseLevel(l, out _)).When(x => x.Properties is not null)
                .OverridePropertyName("properties.level").WithMessage(_ => Messages.Rule_UnknownLevel);
            f.RuleFor(x => x.Properties!.ParentCode).MaximumLength(Limits.Code).When(x => x.Properties is not null).OverridePropertyName("properties.parentCode");
            f.RuleFor(x => x.Properties!.Population).InclusiveBetween(0, (int)Limits.MaxPopulation).When(x => x.Properties is not null).OverridePropertyName("properties.population");
            f.RuleFor(x => x.Geometry).Must(SpaceGeometry.IsGeometry).WithMessage(_ => Messages.Rule_GeometryOrNull);
        });
        RuleFor(x => x.Features).Must(fs => fs!.Where(f => f?.Properties is not null).GroupBy(f => f.Properties!.Code).All(g => g.Count() == 1))
            .When(x => x.Features is not null).WithMessage(_ => Messages.Rule_CodeOnceInFile);
    }
}

public sealed class ImportSpacesHandler(IUnitOfWork unitOfWork, TimeProvider clock) : IRequestHandler<ImportSpacesCommand, ImportSpacesResult>
{
    private sealed class Existing
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public SpaceLevel Level { get; init; }
        public Guid? ParentId { get; init; }
    }

    public async Task<ImportSpacesResult> Handle(ImportSpacesCommand request, CancellationToken cancellationToken)
    {
        var features = request.Features!.ToList();
        var now = clock.GetUtcNow();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var existing = (await connection.QueryAsync<Existing>("SELECT id, code, level, parent_id FROM spaces", transaction: tx)).ToDictionary(e => e.Code);

        // Resolve every feature's id and level first, so parents may come after their children in the file.
        var resolved = new Dictionary<string, (Guid Id, SpaceLevel Level, bool IsNew)>();
        foreach (var f in features)
        {
            SpaceRules.TryParseLevel(f.Properties!.Level, out var level);
            resolved[f.Properties.Code] = existing.TryGetValue(f.Properties.Code, out var e) ? (e.Id, level, false) : (Guid.CreateVersion7(), level, true);
        }
        for (var i = 0; i < features.Count; i++)
        {
            var p = features[i].Properties!;
            if (string.IsNullOrWhiteSpace(p.ParentCode)) continue;
            SpaceLevel parentLevel;
            if (resolved.TryGetValue(p.ParentCode, out var inFile)) parentLevel = inFile.Level;
            else if (existing.TryGetValue(p.ParentCode, out var inDb)) parentLevel = inDb.Level;
            else throw new InvalidFieldException($"features[{i}].properties.parentCode", Text.Format(Messages.Field_ParentCodeUnknown, p.ParentCode));
            if (!SpaceRules.IsValidChildLevel(parentLevel, resolved[p.Code].Level))
                throw new InvalidFieldException($"features[{i}].properties.level", Text.Format(Messages.Field_LevelBelowParent, p.Code, p.ParentCode));
        }
        // A space updated by the file must stay above the children it already has in the database (as on update),
        // which also rules out cycles through the database.
        var indexByCode = features.Select((f, i) => (f.Properties!.Code, Index: i)).ToDictionary(x => x.Code, x => x.Index);
        var codeById = existing.Values.ToDictionary(e => e.Id, e => e.Code);
        foreach (var child in existing.Values.Where(c => !indexByCode.ContainsKey(c.Code) && c.ParentId is not null))
        {
            if (!codeById.TryGetValue(child.ParentId!.Value, out var parentCode) || !indexByCode.TryGetValue(parentCode, out var index)) continue;
            if (!SpaceRules.IsValidChildLevel(resolved[parentCode].Level, child.Level))
                throw new InvalidFieldException($"features[{index}].properties.level",
                    Text.Format(Messages.Field_ChildOnLevel, parentCode, child.Code, child.Level));
        }

        // Insert parents before children: order by level (levels strictly descend, so this is a valid order).
        int created = 0, updated = 0;
        foreach (var f in features.OrderBy(f => (int)resolved[f.Properties!.Code].Level))
        {
            var p = f.Properties!;
            var (id, level, isNew) = resolved[p.Code];
            Guid? parentId = string.IsNullOrWhiteSpace(p.ParentCode) ? null
                : resolved.TryGetValue(p.ParentCode, out var r) ? r.Id : existing[p.ParentCode].Id;
            var args = new
            {
                id, code = p.Code.Trim(), name = p.Name.Trim(), searchKey = TextRules.SearchKey(p.Name), level = level.ToString(), parentId,
                population = p.Population, geometry = SpaceGeometry.Serialize(f.Geometry),
                validFrom = p.ValidFrom ?? DateOnly.FromDateTime(now.UtcDateTime), validFromGiven = p.ValidFrom, now,
            };
            if (isNew)
            {
                await connection.ExecuteAsync("""
                    INSERT INTO spaces (id, code, name, search_key, level, parent_id, population, geometry, valid_from, valid_to, version, created_at, updated_at)
                    VALUES (@id, @code, @name, @searchKey, @level, @parentId, @population, @geometry, @validFrom, NULL, 1, @now, @now)
                    """, args, tx);
                created++;
            }
            else
            {
                await connection.ExecuteAsync("""
                    UPDATE spaces SET name = @name, search_key = @searchKey, level = @level, parent_id = @parentId,
                        population = COALESCE(@population, population), geometry = COALESCE(@geometry, geometry),
                        valid_from = COALESCE(@validFromGiven, valid_from), version = version + 1, updated_at = @now
                    WHERE id = @id
                    """, args, tx);
                updated++;
            }
        }
        if (request.DryRun) unitOfWork.Discard();
        else
            await ChangeFeed.RecordRowsAsync(connection, tx, unitOfWork.Dialect, new ChangedRows
            {
                EntityType = AuditEntities.Space.Type, Table = "spaces", Condition = "updated_at = @now", Parameters = new { now },
                SpaceColumn = "id", OccurredAt = now,
            }, cancellationToken);
        return new ImportSpacesResult(created, updated, request.DryRun);
    }
}
