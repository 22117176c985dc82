using MediatR;
using Raumnetz.Application.Audit;

namespace Raumnetz.Application.Common;

/// <summary>
/// Runs every command (<see cref="ICommand{TResponse}"/>) in one unit of work: the handler's writes and the reads it
/// returns share one transaction, committed here after the handler returned and rolled back when it throws. Queries
/// do not pass through (the type constraint keeps them out). The command's audit entry (<see cref="AuditTrail"/>) is
/// written in the same transaction, so it is kept exactly when the change is.
/// </summary>
public sealed class UnitOfWorkBehaviour<TRequest, TResponse>(UnitOfWork unitOfWork, AuditTrail audit)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : ICommand<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        unitOfWork.Begin();
        TResponse response;
        try
        {
            var pending = await audit.BeginAsync(request, cancellationToken);
            response = await next();
            await audit.CompleteAsync(pending, request, response, cancellationToken);
        }
        catch
        {
            await unitOfWork.EndAsync(succeeded: false, CancellationToken.None);
            throw;
        }
        await unitOfWork.EndAsync(succeeded: true, cancellationToken);
        return response;
    }
}
