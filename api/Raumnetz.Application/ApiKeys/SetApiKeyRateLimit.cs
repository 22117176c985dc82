using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.ApiKeys;

/// <summary>
/// Gives a key its own request limit per minute, or (null) returns it to the configured default for keys. Takes effect
/// with the key's next request. Setting the same value again changes nothing.
/// </summary>
public sealed record SetApiKeyRateLimitCommand : ICommand<ApiKeyDto>
{
    public Guid Id { get; init; }
    /// <summary>Requests per minute (1 to 100000); null: the configured default for keys.</summary>
    public int? RateLimitPerMinute { get; init; }
}

public sealed class SetApiKeyRateLimitValidator : AbstractValidator<SetApiKeyRateLimitCommand>
{
    public SetApiKeyRateLimitValidator() => RuleFor(x => x.RateLimitPerMinute).InclusiveBetween(1, Limits.RateLimitPerMinute);
}

public sealed class SetApiKeyRateLimitHandler(IUnitOfWork unitOfWork, ApiKeyReads reads)
    : IRequestHandler<SetApiKeyRateLimitCommand, ApiKeyDto>
{
    public async Task<ApiKeyDto> Handle(SetApiKeyRateLimitCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET rate_limit_per_minute = @RateLimitPerMinute WHERE id = @Id",
            new { request.Id, request.RateLimitPerMinute }, tx, cancellationToken: cancellationToken));
        if (rows == 0) throw new NotFoundException("API key", request.Id);
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
