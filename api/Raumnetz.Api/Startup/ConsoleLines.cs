using System.Text;
using System.Threading.Channels;
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
/// writes whatever has queued up and flushes once per batch. The writer wakes for the first line and then lets the lines of
/// the next <see cref="BatchedConsoleLoggerProvider.Gather"/> queue up before it writes them: woken for every line, its
/// wake-up was a thread-pool work item and a thread switch per request on a busy server (build/bench, pipeline). A full
/// queue (10,000 lines) makes the logging thread wait, as the console provider does, so nothing is dropped; the lines still
/// queued when the host stops are written, in order, before it ends.
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
    private readonly Channel<string> lines = Channel.CreateBounded<string>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly ConsoleFormatter formatter;
    private readonly Stream output;
    private readonly TimeSpan gather;
    private readonly Task writer;
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    /// <summary>How long the writer lets lines queue up after the first one before it writes them all (at most this late).</summary>
    public static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(20);

    public BatchedConsoleLoggerProvider(IOptionsMonitor<ConsoleLoggerOptions> options, IEnumerable<ConsoleFormatter> formatters)
        : this(Pick(options.CurrentValue.FormatterName, formatters), Console.OpenStandardOutput(), Gather)
    {
    }

    /// <summary>Writes to <paramref name="output"/> (tests), gathering lines for <paramref name="gather"/> before each write.</summary>
    internal BatchedConsoleLoggerProvider(ConsoleFormatter formatter, Stream output, TimeSpan gather)
    {
        this.formatter = formatter;
        this.output = output;
        this.gather = gather;
        writer = Task.Run(WriteAsync);
    }

    private static ConsoleFormatter Pick(string? name, IEnumerable<ConsoleFormatter> formatters)
    {
        var all = formatters.ToList();
        return all.FirstOrDefault(f => string.Equals(f.Name, name ?? ConsoleFormatterNames.Simple, StringComparison.OrdinalIgnoreCase))
            ?? all.First(f => f.Name == ConsoleFormatterNames.Simple);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
        lines.Writer.TryComplete();
        writer.Wait(TimeSpan.FromSeconds(5));
    }

    private void Enqueue(string line)
    {
        while (!lines.Writer.TryWrite(line))
        {
            if (!lines.Writer.WaitToWriteAsync().AsTask().GetAwaiter().GetResult()) return; // completed: the host is stopping
        }
    }

    private async Task WriteAsync()
    {
        await using var text = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };
        while (await lines.Reader.WaitToReadAsync())
        {
            // Woken by the first line: let the next ones queue up (a stop lets the delay run out, then writes everything).
            await Task.Delay(gather);
            while (lines.Reader.TryRead(out var line)) await text.WriteAsync(line);
            await text.FlushAsync();
        }
    }

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
            var text = buffer ??= new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            provider.formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), provider.scopes, text);
            var builder = text.GetStringBuilder();
            if (builder.Length == 0) return;
            var line = builder.ToString();
            builder.Clear();
            if (builder.Capacity > 16 * 1024) buffer = null; // a huge line (an exception's stack) does not keep its buffer
            provider.Enqueue(line);
        }
    }
}
