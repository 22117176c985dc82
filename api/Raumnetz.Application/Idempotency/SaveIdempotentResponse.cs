using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Idempotency;

/// <summary>
/// Stores the successful response of a POST in the reservation of its Idempotency-Key (<see cref="ReserveIdempotencyKeyCommand"/>),
/// so that retries and the requests waiting for it replay it. Returns false when the reservation is gone (it was
/// abandoned for longer than <see cref="IdempotentResponse.ReservationLifetime"/> and taken over).
/// </summary>
public sealed record SaveIdempotentResponseCommand(
    string Key, string Principal, string RequestHash, int StatusCode, string? Location, string? ContentType, string? Body) : ICommand<bool>;

public sealed class SaveIdempotentResponseHandler(IUnitOfWork unitOfWork) : IRequestHandler<SaveIdempotentResponseCommand, bool>
{
    public async Task<bool> Handle(SaveIdempotentResponseCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE idempotency_records
            SET status_code = @StatusCode, location = @Location, content_type = @ContentType, body = @Body
            WHERE idempotency_key = @Key AND principal = @Principal AND request_hash = @RequestHash AND status_code = @pending
            """, new { request.Key, request.Principal, request.RequestHash, request.StatusCode, request.Location, request.ContentType, request.Body,
                pending = IdempotentResponse.PendingStatus }, tx, cancellationToken: cancellationToken));
        return rows == 1;
    }
}
