using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Raumnetz.Api.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Raumnetz.Api.Startup;

/// <summary>
/// The console log of a busy server. ASP.NET Core's console provider hands every line to its writer thread under a lock
/// with a wake-up (<c>Monitor.PulseAll</c>) and writes it with a flush of its own: at some thousand requests a second, one
/// request line each, that lock and the one write per line took a fifth of the server's CPU (build/bench, pipeline). Here
/// each line is formatted on the logging thread by the configured console formatter (<c>Logging:Console:FormatterName</c>,
/// json as shipped, so the lines are exactly those of the console provider) and handed over through a channel; one writer
/// writes whatever has queued up and flushes once per batch. A full queue (10,000 lines) makes the logging thread wait, as
/// the console provider does, so nothing is dropped; the lines still queued when the host stops are written before it ends.
/// Lines travel as UTF-8 bytes in pooled arrays. The request line (one per request, Http/RequestLog.cs) is written by
/// <see cref="RequestLineJson"/> straight into UTF-8, byte for byte the json formatter's line, without the formatter's
/// detour through a string (measured: the line's formatting was the largest cost of a request left to the pipeline).
/// </summary>
public static class ConsoleLines
{
    /// <summary>Replaces the console provider of <paramref name="logging"/> (its options and formatters stay in use).</summary>
    public static ILoggingBuilder UseBatchedConsole(this ILoggingBuilder logging)
    {
        logging.Services.RemoveAll<ILoggerProvider>(typeof(ConsoleLoggerProvider));
        logging.Services.AddSingleton<ILoggerProvider, BatchedConsoleLoggerProvider>();
        return logging;
    }

    private static void RemoveAll<T>(this IServiceCollection services, Type implementation)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(T) && d.ImplementationType == implementation).ToList())
            services.Remove(descriptor);
    }
}

[ProviderAlias("Console")]
public sealed class BatchedConsoleLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly Channel<ConsoleLine> lines = Channel.CreateBounded<ConsoleLine>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly ConsoleFormatter formatter;
    private readonly RequestLineJson? requestLines;
    private readonly Task writer;
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public BatchedConsoleLoggerProvider(IOptionsMonitor<ConsoleLoggerOptions> options, IEnumerable<ConsoleFormatter> formatters,
        IOptionsMonitor<JsonConsoleFormatterOptions> jsonOptions)
    {
        var name = options.CurrentValue.FormatterName ?? ConsoleFormatterNames.Simple;
        var all = formatters.ToList();
        formatter = all.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? all.First(f => f.Name == ConsoleFormatterNames.Simple);
        if (RequestLineJson.Replaces(formatter)) requestLines = new RequestLineJson(jsonOptions);
        writer = Task.Run(WriteAsync);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
        lines.Writer.TryComplete();
        writer.Wait(TimeSpan.FromSeconds(5));
    }

    private void Enqueue(ConsoleLine line)
    {
        while (!lines.Writer.TryWrite(line))
        {
            if (!lines.Writer.WaitToWriteAsync().AsTask().GetAwaiter().GetResult()) // completed: the host is stopping
            {
                ArrayPool<byte>.Shared.Return(line.Buffer);
                return;
            }
        }
    }

    private async Task WriteAsync()
    {
        await using var stdout = Console.OpenStandardOutput();
        await using var output = new BufferedStream(stdout, 64 * 1024);
        while (await lines.Reader.WaitToReadAsync())
        {
            while (lines.Reader.TryRead(out var line))
            {
                await output.WriteAsync(line.Buffer.AsMemory(0, line.Length));
                ArrayPool<byte>.Shared.Return(line.Buffer);
            }
            await output.FlushAsync();
        }
    }

    private readonly record struct ConsoleLine(byte[] Buffer, int Length);

    private sealed class Logger(string category, BatchedConsoleLoggerProvider provider) : ILogger
    {
        [ThreadStatic]
        private static StringWriter? buffer;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            if (typeof(TState) == typeof(RequestLogEntry) && exception is null && provider.requestLines is { } json
                && json.TryWrite(logLevel, category, eventId, Unsafe.As<TState, RequestLogEntry>(ref state), out var bytes))
            {
                provider.Enqueue(Copy(bytes));
                return;
            }
            var text = buffer ??= new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            provider.formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), provider.scopes, text);
            var builder = text.GetStringBuilder();
            if (builder.Length == 0) return;
            var line = builder.ToString();
            builder.Clear();
            if (builder.Capacity > 16 * 1024) buffer = null; // a huge line (an exception's stack) does not keep its buffer
            var array = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(line.Length));
            provider.Enqueue(new ConsoleLine(array, Encoding.UTF8.GetBytes(line, array)));
        }

        private static ConsoleLine Copy(ReadOnlySpan<byte> bytes)
        {
            var array = ArrayPool<byte>.Shared.Rent(bytes.Length);
            bytes.CopyTo(array);
            return new ConsoleLine(array, bytes.Length);
        }
    }
}

/// <summary>
/// The request line in UTF-8, exactly as the console's json formatter writes it (Timestamp as configured, EventId,
/// LogLevel, Category, Message, State with the properties and <c>{OriginalFormat}</c>, then a new line): the property
/// names and constants encoded once, the message formatted into a reused buffer, one reused <see cref="Utf8JsonWriter"/>
/// per thread. Only for the shipped options (no scopes, not indented, the default encoder); otherwise the formatter
/// writes the line (<c>TryWrite</c> answers false). Tests: Logging/RequestLineJsonTests compare it with the formatter.
/// </summary>
public sealed class RequestLineJson(IOptionsMonitor<JsonConsoleFormatterOptions> options)
{
    private static readonly JsonEncodedText TimestampName = JsonEncodedText.Encode("Timestamp");
    private static readonly JsonEncodedText EventIdName = JsonEncodedText.Encode("EventId");
    private static readonly JsonEncodedText LogLevelName = JsonEncodedText.Encode("LogLevel");
    private static readonly JsonEncodedText CategoryName = JsonEncodedText.Encode("Category");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("Message");
    private static readonly JsonEncodedText StateName = JsonEncodedText.Encode("State");
    private static readonly JsonEncodedText MethodName = JsonEncodedText.Encode("Method");
    private static readonly JsonEncodedText RouteName = JsonEncodedText.Encode("Route");
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("Status");
    private static readonly JsonEncodedText DurationName = JsonEncodedText.Encode("DurationMs");
    private static readonly JsonEncodedText TraceIdName = JsonEncodedText.Encode("TraceId");
    private static readonly JsonEncodedText OriginalFormatName = JsonEncodedText.Encode("{OriginalFormat}");
    private static readonly JsonEncodedText OriginalFormat = JsonEncodedText.Encode(RequestLogEntry.OriginalFormat);
    private static readonly byte[] NewLine = Encoding.UTF8.GetBytes(Environment.NewLine);

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? bytes;
    [ThreadStatic]
    private static Utf8JsonWriter? json;
    [ThreadStatic]
    private static char[]? chars;

    /// <summary>Whether <paramref name="formatter"/> is the console's own json formatter, whose line this writes.</summary>
    public static bool Replaces(ConsoleFormatter formatter) =>
        formatter.Name == ConsoleFormatterNames.Json
        && formatter.GetType().FullName == "Microsoft.Extensions.Logging.Console.JsonConsoleFormatter";

    /// <summary>The line for <paramref name="entry"/> (valid until this thread's next call), or false: the formatter writes it.</summary>
    public bool TryWrite(LogLevel level, string category, EventId eventId, in RequestLogEntry entry, out ReadOnlySpan<byte> line) =>
        TryWrite(level, category, eventId, entry, null, out line);

    internal bool TryWrite(LogLevel level, string category, EventId eventId, in RequestLogEntry entry, DateTimeOffset? at,
        out ReadOnlySpan<byte> line)
    {
        line = default;
        var current = options.CurrentValue;
        if (current.IncludeScopes || current.JsonWriterOptions.Indented || current.JsonWriterOptions.Encoder is not null
            || LevelText(level) is not { } levelText)
            return false;
        var text = chars ??= new char[512];
        if (!entry.TryFormatMessage(text, out var messageLength)) return false; // a route longer than any of ours
        var output = bytes ??= new ArrayBufferWriter<byte>(1024);
        output.ResetWrittenCount();
        var writer = json ??= new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        writer.Reset(output);
        writer.WriteStartObject();
        if (current.TimestampFormat is { } format)
        {
            var stamp = at ?? (current.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now);
            Span<char> formatted = stackalloc char[64];
            if (stamp.TryFormat(formatted, out var stampLength, format, CultureInfo.CurrentCulture)) writer.WriteString(TimestampName, formatted[..stampLength]);
            else writer.WriteString(TimestampName, stamp.ToString(format, CultureInfo.CurrentCulture));
        }
        writer.WriteNumber(EventIdName, eventId.Id);
        writer.WriteString(LogLevelName, levelText);
        writer.WriteString(CategoryName, category);
        writer.WriteString(MessageName, text.AsSpan(0, messageLength));
        writer.WriteStartObject(StateName);
        writer.WriteString(MethodName, entry.Method);
        if (entry.Route is null) writer.WriteNull(RouteName);
        else writer.WriteString(RouteName, entry.Route);
        writer.WriteNumber(StatusName, entry.Status);
        writer.WriteNumber(DurationName, entry.DurationMs);
        writer.WriteString(TraceIdName, entry.TraceId);
        writer.WriteString(OriginalFormatName, OriginalFormat);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
        output.Write(NewLine);
        line = output.WrittenSpan;
        return true;
    }

    private static JsonEncodedText? LevelText(LogLevel level) => level switch
    {
        LogLevel.Trace => Levels[0],
        LogLevel.Debug => Levels[1],
        LogLevel.Information => Levels[2],
        LogLevel.Warning => Levels[3],
        LogLevel.Error => Levels[4],
        LogLevel.Critical => Levels[5],
        _ => null,
    };

    private static readonly JsonEncodedText[] Levels =
        [.. new[] { "Trace", "Debug", "Information", "Warning", "Error", "Critical" }.Select(l => JsonEncodedText.Encode(l))];
}
