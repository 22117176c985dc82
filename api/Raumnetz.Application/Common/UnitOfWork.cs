using System.Data.Common;
using MediatR;

namespace Raumnetz.Application.Common;

/// <summary>
/// A request that changes data. <see cref="UnitOfWorkBehaviour{TRequest, TResponse}"/> runs its handler in one
/// transaction (<see cref="IUnitOfWork"/>) and commits it when the handler returns. Queries are plain
/// <see cref="IRequest{TResponse}"/>s and read through <see cref="IDbConnectionFactory.ReadAsync{T}"/>.
/// </summary>
public interface ICommand<TResponse> : IRequest<TResponse>;

/// <summary>
/// The database work of the command being handled: one connection with one transaction, opened on first use.
/// <see cref="UnitOfWorkBehaviour{TRequest, TResponse}"/> commits it after the handler returned and rolls it back when
/// the handler throws, so a handler neither opens connections nor commits. A command sent by another command's handler
/// joins the outer command's transaction; the outermost one decides. Nothing is retried: a write that may have reached
/// the database is never sent twice.
/// </summary>
public interface IUnitOfWork
{
    ISqlDialect Dialect { get; }
    DatabaseProvider Provider { get; }

    /// <summary>The command's connection and transaction (the same ones on every call within the command).</summary>
    Task<(DbConnection Connection, DbTransaction Transaction)> OpenAsync(CancellationToken ct);

    /// <summary>Keeps nothing of this command: the transaction is rolled back instead of committed (a dry run).</summary>
    void Discard();
}

/// <summary>
/// The scoped <see cref="IUnitOfWork"/>. Several commands sent one after another in the same scope (a request that
/// stores an idempotent response after its command, a seeding run) each get a transaction of their own.
/// </summary>
public sealed class UnitOfWork(IDbConnectionFactory db) : IUnitOfWork, IAsyncDisposable, IDisposable
{
    private DbConnection? connection;
    private DbTransaction? transaction;
    private int depth;
    private bool discard;

    public ISqlDialect Dialect => db.Dialect;
    public DatabaseProvider Provider => db.Provider;

    public async Task<(DbConnection Connection, DbTransaction Transaction)> OpenAsync(CancellationToken ct)
    {
        if (depth == 0)
            throw new InvalidOperationException(
                "The unit of work is open only while a command (ICommand<T>) is handled; queries read through " +
                "IDbConnectionFactory.ReadAsync.");
        if (transaction is null)
        {
            var opened = await db.OpenAsync(ct);
            try
            {
                transaction = await opened.BeginTransactionAsync(ct);
            }
            catch
            {
                await opened.DisposeAsync();
                throw;
            }
            connection = opened;
        }
        return (connection!, transaction);
    }

    public void Discard() => discard = true;

    /// <summary>A command starts (called by the behaviour).</summary>
    internal void Begin() => depth++;

    /// <summary>
    /// A command ends (called by the behaviour). When the outermost one succeeded, the transaction is committed (or rolled
    /// back after <see cref="Discard"/>); when it failed, it is rolled back by disposing it, as before this unit existed.
    /// </summary>
    internal async Task EndAsync(bool succeeded, CancellationToken ct)
    {
        if (--depth > 0) return;
        try
        {
            if (succeeded && transaction is not null)
            {
                if (discard) await transaction.RollbackAsync(ct);
                else await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            await CloseAsync();
        }
    }

    private async Task CloseAsync()
    {
        var (tx, conn) = (transaction, connection);
        (transaction, connection, discard) = (null, null, false);
        if (tx is not null) await tx.DisposeAsync();
        if (conn is not null) await conn.DisposeAsync();
    }

    /// <summary>The scope ended while a command was still running (cancelled host): nothing is committed.</summary>
    public async ValueTask DisposeAsync()
    {
        depth = 0;
        await CloseAsync();
    }

    /// <summary>As <see cref="DisposeAsync"/>, for scopes that are disposed synchronously.</summary>
    public void Dispose()
    {
        depth = 0;
        var (tx, conn) = (transaction, connection);
        (transaction, connection, discard) = (null, null, false);
        tx?.Dispose();
        conn?.Dispose();
    }
}
