using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Raumnetz.Api.Startup;

namespace Raumnetz.IntegrationTests.Logging;

/// <summary>
/// The batched console writer (Startup/ConsoleLines.cs) lets lines queue up for a moment before it writes them: every line
/// still arrives, in the order each thread logged it, soon after it was logged, and all of them by the time the host stops.
/// </summary>
public sealed class ConsoleLinesTests
{
    [Fact]
    public void Every_line_of_every_thread_is_written_once_and_in_its_order_by_the_time_the_provider_stops()
    {
        var output = new Capture();
        var provider = new BatchedConsoleLoggerProvider(new PlainFormatter(), output, TimeSpan.FromMilliseconds(20));
        const int Threads = 4, Lines = 5_000; // more than the queue holds (10,000): the loggers have to wait for the writer
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            var logger = provider.CreateLogger("Test");
            for (var i = 0; i < Lines; i++) logger.LogInformation("{Thread} {Line}", t, i);
        });
        provider.Dispose();

        var written = output.Text().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Threads * Lines, written.Length);
        for (var t = 0; t < Threads; t++)
        {
            var mine = written.Where(l => l.StartsWith($"{t} ", StringComparison.Ordinal)).Select(l => int.Parse(l[2..],
                System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(Enumerable.Range(0, Lines), mine);
        }
    }

    [Fact]
    public async Task A_line_is_written_within_the_gathering_time_without_a_stop()
    {
        var output = new Capture();
        using var provider = new BatchedConsoleLoggerProvider(new PlainFormatter(), output, TimeSpan.FromMilliseconds(20));
        provider.CreateLogger("Test").LogInformation("one line");

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (output.Text() != "one line\n" && DateTime.UtcNow < deadline) await Task.Delay(5);
        Assert.Equal("one line\n", output.Text());
    }

    private sealed class PlainFormatter() : ConsoleFormatter("plain")
    {
        public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter) =>
            textWriter.Write(logEntry.Formatter(logEntry.State, logEntry.Exception) + "\n");
    }

    /// <summary>A stream the writer writes to while the test reads what has arrived (also after the writer has closed it).</summary>
    private sealed class Capture : Stream
    {
        private readonly Lock gate = new();
        private readonly List<byte> bytes = [];

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public string Text()
        {
            lock (gate) return Encoding.UTF8.GetString([.. bytes]);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            lock (gate) bytes.AddRange(buffer);
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
