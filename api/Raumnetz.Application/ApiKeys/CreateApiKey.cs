using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Authorization;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.ApiKeys;

/// <summary>Creates a key for a partner system with the given role and scoped grants. Only its SHA-256 hash is stored.</summary>
public sealed record CreateApiKeyCommand : ICommand<CreatedApiKeyDto>
{
    public string Name { get; init; } = "";
    public Role Role { get; init; }
    public string CreatedBy { get; init; } = "";
    /// <summary>Grants scoped to networks and space subtrees, as a user's.</summary>
    public IReadOnlyList<RoleGrantInput>? Grants { get; init; }
    /// <summary>The key's own request limit per minute (1 to 100000); null or left out: the configured default for keys.</summary>
    public int? RateLimitPerMinute { get; init; }
}

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator()
    {
        RuleFor(x => x.Name).RequiredText(Limits.Name);
        RuleFor(x => x.Role).DefinedEnum();
        RuleFor(x => x.Grants).Must(g => g is null || g.Count <= RoleGrantRules.MaxGrants)
            .WithMessage(_ => Text.Format(Messages.Grants_TooMany, RoleGrantRules.MaxGrants));
        RuleForEach(x => x.Grants).SetValidator(new RoleGrantInputValidator());
        RuleFor(x => x.RateLimitPerMinute).InclusiveBetween(1, Limits.RateLimitPerMinute);
    }
}

public sealed class CreateApiKeyHandler(IUnitOfWork unitOfWork, TimeProvider clock) : IRequestHandler<CreateApiKeyCommand, CreatedApiKeyDto>
{
    public async Task<CreatedApiKeyDto> Handle(CreateApiKeyCommand request, CancellationToken cancellationToken)
    {
        var key = ApiKeySecrets.NewKey();
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO api_keys (id, name, role, key_prefix, key_hash, created_by, created_at, rate_limit_per_minute)
            VALUES (@id, @name, @role, @prefix, @hash, @CreatedBy, @now, @RateLimitPerMinute)
            """, new { id, name = request.Name.Trim(), role = request.Role.ToString(), prefix = ApiKeySecrets.Display(key),
                hash = ApiKeySecrets.Hash(key), request.CreatedBy, now, request.RateLimitPerMinute }, tx);
        if (request.Grants is { Count: > 0 } grants)
            await GrantReads.ReplaceAsync(connection, tx, null, id, grants, now, cancellationToken);
        return new CreatedApiKeyDto { Id = id, Name = request.Name.Trim(), Role = request.Role, Key = key, CreatedAt = now,
            RateLimitPerMinute = request.RateLimitPerMinute,
            Grants = await GrantReads.LoadAsync(connection, tx, null, id, cancellationToken) };
    }
}
