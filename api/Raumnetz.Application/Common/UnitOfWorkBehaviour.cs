using MediatR;

namespace Raumnetz.Application.Common;

/// <summary>
/// Runs every command (<see cref="ICommand{TResponse}"/>) in one unit of work: the handler's writes and the reads it
/// returns share one transaction, committed here after the handler returned and rolled back when it throws. Queries
/// do not pass through (the type constraint keeps them out).
/// </summary>
public sealed class UnitOfWorkBehaviour<TRequest, TResponse>(UnitOfWork unitOfWork) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : ICommand<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        unitOfWork.Begin();
        TResponse response;
        try
        {
            response = await next();
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
