using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Raumnetz.Api.Http;
using Raumnetz.Api.Startup;

namespace Raumnetz.IntegrationTests.Logging;

/// <summary>
/// The request line the console writer writes itself (Startup/ConsoleLines.cs, RequestLineJson) is byte for byte the
/// line of the console's json formatter for the same entry, with the shipped options and with odd values.
/// </summary>
public sealed partial class RequestLineJsonTests
{
    private const string ShippedTimestamp = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static TheoryData<string, string?, int, double> Entries => new()
    {
        { "GET", "/api/v1/actors/{id}", 200, 0.1 },
        { "GET", "/api/v1/actors/{id}", 404, 0 },
        { "POST", "/api/v1/observations/import", 500, 1234.5 },
        { "PATCH", null, 405, 30_000 },
        { "GET", "/api/v1/räume/{id}/<a>&'b'+\"c\"\\", 200, 12.3 },
        { "DELETE", "/api/v1/networks/{id}/calendar.ics", 204, 99.9 },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void The_line_is_the_json_formatters_line(string method, string? route, int status, double durationMs)
    {
        var (formatter, writer) = Build(ShippedTimestamp, scopes: false);
        var entry = new RequestLogEntry(method, route, status, durationMs, "0af7651916cd43dd8448eb211c80319c");

        Assert.True(writer.TryWrite(LogLevel.Information, RequestLogMiddleware.Category, RequestLogEntry.Event, entry, out var line));
        var ours = Encoding.UTF8.GetString(line);
        var theirs = FormatterLine(formatter, entry);

        Assert.Matches(Stamp(), ours);
        Assert.Matches(Stamp(), theirs);
        Assert.Equal(Stamp().Replace(theirs, "T"), Stamp().Replace(ours, "T"));
        Assert.EndsWith(Environment.NewLine, ours, StringComparison.Ordinal);
        Assert.Contains(route is null ? "\"Route\":null" : "\"Route\":\"", ours, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_timestamp_format_the_lines_are_identical_and_the_timestamp_is_the_formatters()
    {
        var (formatter, writer) = Build(null, scopes: false);
        var entry = new RequestLogEntry("GET", "/api/v1/spaces/{id}", 200, 2.5, "4bf92f3577b34da6a3ce929d0e0e4736");
        Assert.True(writer.TryWrite(LogLevel.Warning, "Raumnetz.Requests", new EventId(7, "x"), entry, out var line));
        Assert.Equal(FormatterLine(formatter, entry, LogLevel.Warning, new EventId(7, "x")), Encoding.UTF8.GetString(line));

        var (_, stamped) = Build(ShippedTimestamp, scopes: false);
        var at = new DateTimeOffset(2026, 12, 5, 8, 9, 10, 123, TimeSpan.Zero);
        Assert.True(stamped.TryWrite(LogLevel.Information, "c", RequestLogEntry.Event, entry, at, out line));
        Assert.StartsWith("{\"Timestamp\":\"2026-12-05T08:09:10.123Z\",\"EventId\":1,", Encoding.UTF8.GetString(line), StringComparison.Ordinal);
    }

    [Fact]
    public void With_scopes_or_a_route_too_long_for_the_buffer_the_formatter_writes_the_line()
    {
        var (_, withScopes) = Build(ShippedTimestamp, scopes: true);
        var entry = new RequestLogEntry("GET", "/api/v1/spaces/{id}", 200, 2.5, "4bf92f3577b34da6a3ce929d0e0e4736");
        Assert.False(withScopes.TryWrite(LogLevel.Information, "c", RequestLogEntry.Event, entry, out _));

        var (_, writer) = Build(ShippedTimestamp, scopes: false);
        var longRoute = new RequestLogEntry("GET", "/" + new string('x', 600), 200, 2.5, "4bf92f3577b34da6a3ce929d0e0e4736");
        Assert.False(writer.TryWrite(LogLevel.Information, "c", RequestLogEntry.Event, longRoute, out _));
        Assert.False(writer.TryWrite(LogLevel.None, "c", RequestLogEntry.Event, entry, out _));
    }

    [Fact]
    public void Other_providers_get_the_same_properties_and_message_as_the_template_gave()
    {
        var entry = new RequestLogEntry("GET", null, 404, 0.5, "abc");
        Assert.Equal("GET (null) 404 in 0.5 ms (trace abc)", entry.ToString());
        Assert.Equal(["Method", "Route", "Status", "DurationMs", "TraceId", "{OriginalFormat}"], entry.Select(p => p.Key));
        Assert.Equal(new object?[] { "GET", null, 404, 0.5, "abc", RequestLogEntry.OriginalFormat }, entry.Select(p => p.Value));
    }

    private static (ConsoleFormatter Formatter, RequestLineJson Writer) Build(string? timestampFormat, bool scopes)
    {
        var services = new ServiceCollection()
            .AddLogging(b => b.AddJsonConsole(o =>
            {
                o.IncludeScopes = scopes;
                o.TimestampFormat = timestampFormat;
                o.UseUtcTimestamp = true;
            }))
            .BuildServiceProvider();
        var formatter = services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
        Assert.True(RequestLineJson.Replaces(formatter));
        return (formatter, new RequestLineJson(services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>()));
    }

    private static string FormatterLine(ConsoleFormatter formatter, RequestLogEntry entry, LogLevel level = LogLevel.Information,
        EventId? eventId = null)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        formatter.Write(new LogEntry<RequestLogEntry>(level, level == LogLevel.Information ? RequestLogMiddleware.Category : "Raumnetz.Requests",
            eventId ?? RequestLogEntry.Event, entry, null, RequestLogEntry.Format), new LoggerExternalScopeProvider(), text);
        return text.ToString();
    }

    [GeneratedRegex("\"Timestamp\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\"")]
    private static partial Regex Stamp();
}
