using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Idempotency;

/// <summary>
/// Remembers the successful response of a POST under its Idempotency-Key and principal. Returns false when another
/// request with the same key stored its response first (that one wins; retries replay it).
/// </summary>
public sealed record SaveIdempotentResponseCommand(
    string Key, string Principal, string RequestHash, int StatusCode, string? Location, string? ContentType, string? Body) : IRequest<bool>;

public sealed class SaveIdempotentResponseHandler(IDbConnectionFactory db, TimeProvider clock) : IRequestHandler<SaveIdempotentResponseCommand, bool>
{
    public async Task<bool> Handle(SaveIdempotentResponseCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        // Expired records (this key's included) are forgotten, so the key can be used again.
        await connection.ExecuteAsync("DELETE FROM idempotency_records WHERE created_at <= @cutoff",
            new { cutoff = now - IdempotentResponse.Lifetime }, tx);
        try
        {
            await connection.ExecuteAsync("""
                INSERT INTO idempotency_records (idempotency_key, principal, request_hash, status_code, location, content_type, body, created_at)
                VALUES (@Key, @Principal, @RequestHash, @StatusCode, @Location, @ContentType, @Body, @now)
                """, new { request.Key, request.Principal, request.RequestHash, request.StatusCode, request.Location, request.ContentType, request.Body, now }, tx);
        }
        catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
        {
            return false; // someone else stored it first; the transaction rolls back on dispose
        }
        await tx.CommitAsync(cancellationToken);
        return true;
    }
}
