using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Idempotency;

/// <summary>
/// The stored response of an earlier POST with the same Idempotency-Key by the same principal, or null when there is
/// none younger than <see cref="IdempotentResponse.Lifetime"/>. The caller compares <see cref="IdempotentResponse.RequestHash"/>.
/// </summary>
public sealed record FindIdempotentResponseQuery(string Key, string Principal) : IRequest<IdempotentResponse?>;

/// <summary>What a retried request gets back: the first response, as it was sent.</summary>
public sealed record IdempotentResponse
{
    /// <summary>How long a key is remembered; older records are ignored and overwritten.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public string RequestHash { get; init; } = "";
    public int StatusCode { get; init; }
    public string? Location { get; init; }
    public string? ContentType { get; init; }
    public string? Body { get; init; }
}

public sealed class FindIdempotentResponseHandler(IDbConnectionFactory db, TimeProvider clock) : IRequestHandler<FindIdempotentResponseQuery, IdempotentResponse?>
{
    public async Task<IdempotentResponse?> Handle(FindIdempotentResponseQuery request, CancellationToken cancellationToken)
    {
        return await db.ReadAsync((connection, ct) => connection.QuerySingleOrDefaultAsync<IdempotentResponse>(new CommandDefinition("""
            SELECT request_hash, status_code, location, content_type, body
            FROM idempotency_records
            WHERE idempotency_key = @Key AND principal = @Principal AND created_at > @cutoff
            """, new { request.Key, request.Principal, cutoff = clock.GetUtcNow() - IdempotentResponse.Lifetime }, cancellationToken: ct)), cancellationToken);
    }
}
