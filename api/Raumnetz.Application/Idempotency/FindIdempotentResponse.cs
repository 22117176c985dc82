using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Idempotency;

/// <summary>
/// The stored response of an earlier POST with the same Idempotency-Key by the same principal, or null when there is
/// none younger than <see cref="IdempotentResponse.Lifetime"/>. The caller compares <see cref="IdempotentResponse.RequestHash"/>;
/// a <see cref="IdempotentResponse.Pending"/> one is a reservation of a request still at work.
/// </summary>
public sealed record FindIdempotentResponseQuery(string Key, string Principal) : IRequest<IdempotentResponse?>;

/// <summary>What a retried request gets back: the first response, as it was sent.</summary>
public sealed record IdempotentResponse
{
    /// <summary>How long a key is remembered; older records are ignored and overwritten.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a reservation (a request with this key still at work) holds the key; an older one was left behind by an
    /// instance that stopped mid-request and is taken over by the next request with the key.
    /// </summary>
    public static readonly TimeSpan ReservationLifetime = TimeSpan.FromMinutes(2);

    /// <summary>The status code stored while the first request with the key is still at work.</summary>
    public const int PendingStatus = 0;

    public string RequestHash { get; init; } = "";
    public int StatusCode { get; init; }
    public string? Location { get; init; }
    public string? ContentType { get; init; }
    public string? Body { get; init; }

    /// <summary>The first request with the key is still at work: there is no response yet.</summary>
    public bool Pending => StatusCode == PendingStatus;
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
