using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Idempotency;

/// <summary>
/// Remembers the successful response of a POST under its Idempotency-Key and principal. Returns false when another
/// request with the same key stored its response first (that one wins; retries replay it).
/// </summary>
public sealed record SaveIdempotentResponseCommand(
    string Key, string Principal, string RequestHash, int StatusCode, string? Location, string? ContentType, string? Body) : ICommand<bool>;

public sealed class SaveIdempotentResponseHandler(IUnitOfWork unitOfWork, TimeProvider clock) : IRequestHandler<SaveIdempotentResponseCommand, bool>
{
    public async Task<bool> Handle(SaveIdempotentResponseCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
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
        catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e))
        {
            unitOfWork.Discard(); // someone else stored it first: nothing of this command is kept
            return false;
        }
        return true;
    }
}
