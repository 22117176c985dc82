using System.Data;
using Microsoft.Data.Sqlite;

namespace Raumnetz.Infrastructure.Data;

/// <summary>
/// A SQLite connection whose command parameters store ids and instants in <see cref="SqliteText"/>'s forms, whoever
/// sets the value. Left to itself Microsoft.Data.Sqlite writes a Guid as upper-case text and a DateTimeOffset as
/// <c>yyyy-MM-dd HH:mm:ss.FFFFFFFzzz</c>, and Dapper hands it the raw values: its own type map wins over
/// <c>SqlMapper.AddTypeHandler</c> for Guid and DateTimeOffset parameters, and <c>SqlMapper.RemoveTypeMap</c> would
/// route plain parameters through the handlers but not the elements of an expanded list (<c>IN @ids</c>), nor
/// parameters that code adds itself. Converting where the parameter takes its value covers all of them.
/// </summary>
public sealed class SqliteCanonicalConnection(string connectionString) : SqliteConnection(connectionString)
{
    /// <summary>The last transaction begun here; a finished one has no connection any more.</summary>
    private SqliteTransaction? transaction;

    /// <summary>Every BeginTransaction overload (and BeginTransactionAsync) ends here.</summary>
    public override SqliteTransaction BeginTransaction(IsolationLevel isolationLevel, bool deferred) =>
        transaction = base.BeginTransaction(isolationLevel, deferred);

    /// <summary>
    /// A command with the connection's defaults, as the base one: its timeout and the open transaction. Built directly
    /// rather than copied from a base command made for the purpose, which cost a second command and its registration with
    /// the connection for every statement (build/bench, pipeline).
    /// </summary>
    public override SqliteCommand CreateCommand() => new Command
    {
        Connection = this,
        CommandTimeout = DefaultTimeout,
        Transaction = transaction?.Connection is null ? null : transaction,
    };

    private sealed class Command : SqliteCommand
    {
        public override SqliteParameter CreateParameter() => new Parameter();
    }

    private sealed class Parameter : SqliteParameter
    {
        public override object? Value
        {
            get => base.Value;
            set => base.Value = SqliteText.Stored(value);
        }
    }
}
