using Raumnetz.SyncExample;

// Usage: dotnet run --project tests/Raumnetz.SyncExample -- --url http://127.0.0.1:5080 [--db mirror.db] [--watch 30]
// The API key comes from the environment (RAUMNETZ_API_KEY), never from the command line.
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "");
var url = options.GetValueOrDefault("url") ?? Environment.GetEnvironmentVariable("RAUMNETZ_URL") ?? "http://127.0.0.1:5080";
var key = Environment.GetEnvironmentVariable("RAUMNETZ_API_KEY");
if (string.IsNullOrEmpty(key))
{
    await Console.Error.WriteLineAsync("Set RAUMNETZ_API_KEY to an API key (Administration > API-Schlüssel, role viewer is enough).");
    return 2;
}
var file = options.GetValueOrDefault("db") ?? "raumnetz-mirror.db";
var watch = options.TryGetValue("watch", out var seconds) && int.TryParse(seconds, out var s)
    ? TimeSpan.FromSeconds(Math.Max(s, 1)) : (TimeSpan?)null;

using var http = new HttpClient { BaseAddress = new Uri(url) };
http.DefaultRequestHeaders.Add("X-Api-Key", key);
var mirror = new FeedMirror(http, $"Data Source={file}");
do
{
    var result = await mirror.SyncAsync();
    Console.WriteLine(result.FirstCopy
        ? $"first copy: {result.Fetched} entities"
        : $"{result.Changes} changes: {result.Fetched} fetched, {result.Deleted} deleted");
    if (watch is { } wait) await Task.Delay(wait);
} while (watch is not null);
return 0;
