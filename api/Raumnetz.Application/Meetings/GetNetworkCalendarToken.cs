using System.Security.Cryptography;
using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Meetings;

/// <summary>
/// The feed token of a network, created on first request: a random secret that lets calendar programs read the
/// network's meeting feed without signing in. It only grants reading that one feed; revoke it to issue a new one.
/// </summary>
public sealed record GetNetworkCalendarTokenQuery(Guid NetworkId) : IRequest<NetworkCalendarTokenDto>;

public sealed record NetworkCalendarTokenDto
{
    public Guid NetworkId { get; init; }
    public string Token { get; init; } = "";
    /// <summary>Address of the feed with the token, for calendar programs: the server's public address (its configured base URL), never the Host the request named.</summary>
    public string Url { get; init; } = "";
    /// <summary>The same address with the webcal scheme, which opens a subscription in most calendar programs.</summary>
    public string WebcalUrl { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class GetNetworkCalendarTokenHandler(IDbConnectionFactory db, TimeProvider clock) : IRequestHandler<GetNetworkCalendarTokenQuery, NetworkCalendarTokenDto>
{
    private sealed class TokenRow
    {
        public string Token { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
    }

    public async Task<NetworkCalendarTokenDto> Handle(GetNetworkCalendarTokenQuery request, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM networks WHERE id = @NetworkId", new { request.NetworkId }) == 0)
            throw new NotFoundException("Network", request.NetworkId);
        const string select = "SELECT token, created_at FROM network_calendar_tokens WHERE network_id = @NetworkId";
        var row = await connection.QuerySingleOrDefaultAsync<TokenRow>(select, new { request.NetworkId });
        if (row is null)
        {
            try
            {
                await connection.ExecuteAsync("INSERT INTO network_calendar_tokens (network_id, token, created_at) VALUES (@NetworkId, @token, @now)",
                    new { request.NetworkId, token = NewToken(), now = clock.GetUtcNow() });
            }
            catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
            {
                // Another request created it at the same moment: use that one.
            }
            row = await connection.QuerySingleAsync<TokenRow>(select, new { request.NetworkId });
        }
        return new NetworkCalendarTokenDto { NetworkId = request.NetworkId, Token = row.Token, CreatedAt = row.CreatedAt };
    }

    /// <summary>256 random bits, base64url.</summary>
    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
