using System.Data.Common;
using Dapper;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Raumnetz.Application;
using Raumnetz.Application.Common;
using Raumnetz.Infrastructure.Data;

namespace Raumnetz.UnitTests.Application;

/// <summary>
/// The unit-of-work behaviour: a command's writes are committed when its handler returns and rolled back when it
/// throws; a nested command joins the outer one; commands in one scope get a transaction each; queries stay outside.
/// </summary>
public sealed class UnitOfWorkTests : IAsyncLifetime
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"raumnetz-uow-{Guid.NewGuid():N}.db");
    private ServiceProvider services = null!;
    private DbConnectionFactory database = null!;
    private CountingFactory factory = null!;

    public async ValueTask InitializeAsync()
    {
        database = new DbConnectionFactory(
            new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" },
                NullLogger<DbConnectionFactory>.Instance);
        factory = new CountingFactory(database);
        var collection = new ServiceCollection().AddLogging().AddApplication();
        collection.AddSingleton<IDbConnectionFactory>(factory);
        collection.AddTransient<IRequestHandler<Write, int>, WriteHandler>();
        collection.AddTransient<IRequestHandler<WriteTwice, int>, WriteTwiceHandler>();
        collection.AddTransient<IRequestHandler<Nothing, int>, NothingHandler>();
        collection.AddTransient<IRequestHandler<Peek, int>, PeekHandler>();
        services = collection.BuildServiceProvider();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE notes (text TEXT NOT NULL)");
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
    }

    private async Task<long> CountAsync()
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notes");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_command_is_committed_when_its_handler_returns()
    {
        await using var scope = services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Write("a"), Ct));
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task A_command_that_throws_keeps_nothing()
    {
        await using var scope = services.CreateAsyncScope();
        await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new Write("a", Fail: true), Ct));
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task A_discarded_command_returns_its_answer_and_keeps_nothing()
    {
        await using var scope = services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Write("a", Discard: true), Ct));
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task A_nested_command_joins_the_outer_transaction()
    {
        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        Assert.Equal(2, await mediator.Send(new WriteTwice(Fail: false), Ct));
        Assert.Equal(1, factory.Opened);
        Assert.Equal(2, await CountAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() => mediator.Send(new WriteTwice(Fail: true), Ct));
        Assert.Equal(2, await CountAsync()); // the inner command's row went with the outer failure
    }

    [Fact]
    public async Task Commands_in_one_scope_get_a_transaction_each()
    {
        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await mediator.Send(new Write("a"), Ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => mediator.Send(new Write("b", Fail: true), Ct));
        await mediator.Send(new Write("c"), Ct);
        Assert.Equal(2, await CountAsync());
        Assert.Equal(3, factory.Opened);
    }

    [Fact]
    public async Task A_command_that_does_not_touch_the_database_opens_no_connection()
    {
        await using var scope = services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Nothing(), Ct));
        Assert.Equal(0, factory.Opened);
    }

    [Fact]
    public async Task A_query_does_not_get_the_unit_of_work()
    {
        await using var scope = services.CreateAsyncScope();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new Peek(), Ct));
        Assert.Contains("only while a command", e.Message);
    }

    public sealed record Write(string Text, bool Fail = false, bool Discard = false) : ICommand<int>;

    public sealed class WriteHandler(IUnitOfWork unitOfWork) : IRequestHandler<Write, int>
    {
        public async Task<int> Handle(Write request, CancellationToken cancellationToken)
        {
            var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
            var rows = await connection.ExecuteAsync("INSERT INTO notes (text) VALUES (@Text)", new { request.Text }, tx);
            if (request.Fail) throw new InvalidOperationException("fails after writing");
            if (request.Discard) unitOfWork.Discard();
            return rows;
        }
    }

    public sealed record WriteTwice(bool Fail) : ICommand<int>;

    public sealed class WriteTwiceHandler(IUnitOfWork unitOfWork, IMediator mediator) : IRequestHandler<WriteTwice, int>
    {
        public async Task<int> Handle(WriteTwice request, CancellationToken cancellationToken)
        {
            var inner = await mediator.Send(new Write("inner"), cancellationToken);
            var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
            var outer = await connection.ExecuteAsync("INSERT INTO notes (text) VALUES ('outer')", transaction: tx);
            if (request.Fail) throw new InvalidOperationException("the outer command fails");
            return inner + outer;
        }
    }

    public sealed record Nothing : ICommand<int>;

    public sealed class NothingHandler : IRequestHandler<Nothing, int>
    {
        public Task<int> Handle(Nothing request, CancellationToken cancellationToken) => Task.FromResult(0);
    }

    public sealed record Peek : IRequest<int>;

    public sealed class PeekHandler(IUnitOfWork unitOfWork) : IRequestHandler<Peek, int>
    {
        public async Task<int> Handle(Peek request, CancellationToken cancellationToken)
        {
            await unitOfWork.OpenAsync(cancellationToken);
            return 1;
        }
    }

    /// <summary>Counts the connections opened for commands.</summary>
    private sealed class CountingFactory(IDbConnectionFactory inner) : IDbConnectionFactory
    {
        public int Opened;
        public DatabaseProvider Provider => inner.Provider;
        public ISqlDialect Dialect => inner.Dialect;

        public Task<DbConnection> OpenAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref Opened);
            return inner.OpenAsync(ct);
        }

        public Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> read, CancellationToken ct) => inner.ReadAsync(read, ct);
    }
}
