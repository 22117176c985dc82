using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Polly;
using Polly.Timeout;
using Raumnetz.Application.Webhooks;
using StandardWebhooks;

namespace Raumnetz.Infrastructure.Webhooks;

/// <summary>
/// Sends one event as a Standard Webhooks request: POST with the JSON body and the headers webhook-id, webhook-timestamp
/// and webhook-signature (v1, HMAC-SHA256 with the subscription's whsec_ secret, by the StandardWebhooks package). Each
/// attempt runs in a Polly pipeline with a timeout (Raumnetz__Webhooks__Timeout); redirects are not followed, no proxy is
/// used, and the connection is made only to an address <see cref="WebhookAddresses"/> allows, checked on the address
/// actually connected to (DNS rebinding cannot turn an accepted name into an internal target).
/// </summary>
public sealed class WebhookSender : IWebhookSender, IDisposable
{
    private readonly HttpClient client;
    private readonly ResiliencePipeline pipeline;

    public WebhookSender(WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = async (context, ct) =>
            {
                var addresses = IPAddress.TryParse(context.DnsEndPoint.Host, out var literal) ? [literal]
                    : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
                var allowed = addresses.Where(a => WebhookAddresses.IsAllowed(a, options)).ToArray();
                if (allowed.Length == 0 || allowed.Length < addresses.Length)
                    throw new TargetRefusedException(addresses.FirstOrDefault(a => !WebhookAddresses.IsAllowed(a, options)));
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        pipeline = new ResiliencePipelineBuilder().AddTimeout(options.Timeout).Build();
    }

    public async Task<WebhookAttemptResult> SendAsync(string url, string secret, string eventId, DateTimeOffset timestamp, string body,
        CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            return await pipeline.ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("webhook-id", eventId);
                request.Headers.Add("webhook-timestamp",
                    timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
                request.Headers.Add("webhook-signature", new StandardWebhook(secret).Sign(eventId, timestamp, body));
                request.Headers.UserAgent.ParseAdd("Raumnetz-Webhooks/1");
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                var excerpt = await ReadExcerptAsync(response, token);
                return new WebhookAttemptResult((int)response.StatusCode, Elapsed(watch), excerpt,
                    (int)response.StatusCode is >= 300 and < 400 ? "redirect not followed" : null);
            }, ct);
        }
        catch (TimeoutRejectedException)
        {
            return new WebhookAttemptResult(null, Elapsed(watch), null, "timeout");
        }
        catch (HttpRequestException e) when (e.InnerException is TargetRefusedException refused)
        {
            return new WebhookAttemptResult(null, Elapsed(watch), null, refused.Message);
        }
        catch (HttpRequestException e)
        {
            return new WebhookAttemptResult(null, Elapsed(watch), null, e.HttpRequestError + ": " + e.Message);
        }
    }

    private static async Task<string?> ReadExcerptAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[WebhookLog.MaxExcerpt];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), ct);
            if (n == 0) break;
            read += n;
        }
        if (read == 0) return null;
        var text = Encoding.UTF8.GetString(buffer, 0, read);
        return text.Length > 0 && text[^1] == '\uFFFD' ? text[..^1] : text;
    }

    private static int Elapsed(Stopwatch watch) => (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds);

    public void Dispose() => client.Dispose();

    /// <summary>The target resolved to an address webhooks may not reach.</summary>
    private sealed class TargetRefusedException(IPAddress? address)
        : Exception($"address {address} is not allowed as a webhook target");
}
