using System.Diagnostics;
using Raumnetz.Application.Common;

namespace Raumnetz.Infrastructure.Data;

/// <summary>
/// The product's own trace spans around the connection factory's work: opening a connection and a whole read (with
/// its retries as events). They are the database spans on SQLite and SQL Server; on PostgreSQL Npgsql's command
/// spans nest inside a read. <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null while nothing
/// listens (OpenTelemetry not configured), so this costs nothing then.
/// </summary>
public static class DatabaseActivity
{
    public const string SourceName = "Raumnetz.Data";

    private static readonly ActivitySource Source = new(SourceName);

    internal static Activity? Start(string name, DatabaseProvider provider)
    {
        var activity = Source.StartActivity(name, ActivityKind.Internal);
        activity?.SetTag("db.system.name", provider switch
        {
            DatabaseProvider.Sqlite => "sqlite",
            DatabaseProvider.PostgreSql => "postgresql",
            _ => "microsoft.sql_server",
        });
        return activity;
    }

    /// <summary>A retry as an event on the current span: which attempt, after which kind of fault (never its message).</summary>
    internal static void Retry(int attempt, Exception? exception) =>
        Activity.Current?.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection
        {
            ["attempt"] = attempt,
            ["error.type"] = exception?.GetType().FullName,
        }));

    internal static void Failed(Activity? activity, Exception exception)
    {
        activity?.SetStatus(ActivityStatusCode.Error);
        activity?.SetTag("error.type", exception.GetType().FullName);
    }
}
