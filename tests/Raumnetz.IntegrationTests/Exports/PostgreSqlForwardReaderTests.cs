using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Raumnetz.Application.Common;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Exports;

/// <summary>
/// The streamed export's reader on PostgreSQL (<c>ISqlDialect.ReadForwardAsync</c>, issue 17): it reads a text cell as its
/// UTF-8 bytes into one buffer and hands out one string per distinct text of a column. Every text must still be exactly
/// the one Npgsql reads (prefixes of each other, empty, longer than the buffer with two-byte letters across its end,
/// differing only in the last letter, NULL), for varchar with a length and text; a column of another type (char(n), whose
/// padding Npgsql keeps) is Npgsql's own.
/// </summary>
[Trait("Category", "PostgreSql")]
public sealed class PostgreSqlForwardReaderTests(PostgresApiFactory factory) : IClassFixture<PostgresApiFactory>
{
    [Fact]
    public async Task Texts_are_read_as_npgsql_reads_them_and_shared_between_rows()
    {
        var longest = string.Concat(Enumerable.Repeat("Bestandsaufnahme äöü ", 14)); // 294 characters, 336 bytes
        string?[] texts = ["Jugendamt", "Jugendamt Nord", "Jug", "", longest, "Jugendamt", null, longest[..^1] + "x", "ä", "Jug", longest];
        var values = string.Join(", ", texts.Select((t, i) => $"({i}, {(t is null ? "NULL" : "'" + t + "'")})"));
        var sql = $"SELECT v.t::varchar(300) AS a, v.t AS b, (v.n % 3)::char(3) AS c FROM (VALUES {values}) AS v(n, t) ORDER BY v.n";
        var db = factory.Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await db.OpenAsync(CancellationToken.None);

        var expected = new List<(string? A, string? B, string C)>();
        await using (var plain = await connection.ExecuteReaderAsync(sql))
            while (await plain.ReadAsync())
                expected.Add((plain.IsDBNull(0) ? null : plain.GetString(0), plain.IsDBNull(1) ? null : plain.GetString(1),
                    plain.GetString(2)));
        var read = new List<(string? A, string? B, string C)>();
        await using (var reader = await db.Dialect.ReadForwardAsync(connection, new CommandDefinition(sql)))
            while (await reader.ReadAsync())
                read.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.GetString(2)));

        Assert.Equal(texts, expected.Select(e => e.A));
        Assert.Equal(expected, read);
        Assert.Equal("0  ", read[0].C);
        // the same text of a column is one string, a different one is not
        Assert.Same(read[0].A, read[5].A);
        Assert.Same(read[4].B, read[10].B);
        Assert.NotEqual(read[4].A, read[7].A);
    }
}
