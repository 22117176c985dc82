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
    public override SqliteCommand CreateCommand()
    {
        // The base command carries the connection's defaults (timeout, the open transaction); keep them.
        using var template = base.CreateCommand();
        return new Command { Connection = this, CommandTimeout = template.CommandTimeout, Transaction = template.Transaction };
    }

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
