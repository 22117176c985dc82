using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Idempotency;

/// <summary>
/// Reserves an Idempotency-Key for a principal before the work is done: a pending record (status 0) is inserted and
/// committed in a transaction of its own, so of many concurrent requests with the key exactly one gets true and does
/// the work; the others find the reservation (unique on key and principal) and wait for its response. Expired records
/// and reservations abandoned longer than <see cref="IdempotentResponse.ReservationLifetime"/> are forgotten first.
/// </summary>
public sealed record ReserveIdempotencyKeyCommand(string Key, string Principal, string RequestHash) : ICommand<bool>;

public sealed class ReserveIdempotencyKeyHandler(IUnitOfWork unitOfWork, TimeProvider clock) : IRequestHandler<ReserveIdempotencyKeyCommand, bool>
{
    public async Task<bool> Handle(ReserveIdempotencyKeyCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM idempotency_records
            WHERE created_at <= @cutoff OR (status_code = @pending AND created_at <= @abandoned)
            """, new { cutoff = now - IdempotentResponse.Lifetime, pending = IdempotentResponse.PendingStatus, abandoned = now - IdempotentResponse.ReservationLifetime }, tx, cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO idempotency_records (idempotency_key, principal, request_hash, status_code, location, content_type, body, created_at)
                VALUES (@Key, @Principal, @RequestHash, @pending, NULL, NULL, NULL, @now)
                """, new { request.Key, request.Principal, request.RequestHash, pending = IdempotentResponse.PendingStatus, now }, tx, cancellationToken: cancellationToken));
        }
        catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e))
        {
            unitOfWork.Discard(); // another request holds the key (or its response): nothing of this command is kept
            return false;
        }
        return true;
    }
}

/// <summary>Gives up a reservation whose request failed, so the key can be used again (a failure is not remembered).</summary>
public sealed record ReleaseIdempotencyKeyCommand(string Key, string Principal) : ICommand<Unit>;

public sealed class ReleaseIdempotencyKeyHandler(IUnitOfWork unitOfWork) : IRequestHandler<ReleaseIdempotencyKeyCommand, Unit>
{
    public async Task<Unit> Handle(ReleaseIdempotencyKeyCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_records WHERE idempotency_key = @Key AND principal = @Principal AND status_code = @pending",
            new { request.Key, request.Principal, pending = IdempotentResponse.PendingStatus }, tx, cancellationToken: cancellationToken));
        return Unit.Value;
    }
}
