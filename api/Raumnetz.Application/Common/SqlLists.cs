using Dapper;

namespace Raumnetz.Application.Common;

/// <summary>
/// Portable IN lists. Dapper expands "IN @list" into one parameter per value on SQLite and SQL Server, but hands
/// Npgsql the whole list as a single array parameter, and "IN $1" is a syntax error on PostgreSQL. Naming every
/// value as its own parameter works on all three providers (lists here are small: a page, a request's references).
/// </summary>
public static class SqlLists
{
    /// <summary>Adds the values as @name0, @name1 ... and returns "(@name0, @name1, ...)"; "(NULL)" (matches nothing) when empty.</summary>
    public static string In<T>(DynamicParameters parameters, string name, IEnumerable<T> values)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var parameter = $"{name}{names.Count}";
            parameters.Add(parameter, value);
            names.Add("@" + parameter);
        }
        return names.Count == 0 ? "(NULL)" : $"({string.Join(", ", names)})";
    }
}
