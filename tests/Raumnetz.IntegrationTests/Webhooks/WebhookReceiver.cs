using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Raumnetz.IntegrationTests.Webhooks;

/// <summary>One request the receiver got: its headers of interest and its body as sent.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body, int AnsweredWith);

/// <summary>
/// A real HTTP receiver in the test process (Kestrel on 127.0.0.1, a free port): records every request and answers with the
/// status <see cref="Answer"/> gives for the request's number (1 for the first).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private int count;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>The status code for the n-th request (1-based); 200 by default.</summary>
    public Func<int, int> Answer { get; set; } = _ => 200;

    public string Url { get; private set; } = "";

    private WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var n = Interlocked.Increment(ref count);
            var status = Answer(n);
            Received.Enqueue(new ReceivedWebhook(context.Request.Headers["webhook-id"].ToString(),
                context.Request.Headers["webhook-timestamp"].ToString(), context.Request.Headers["webhook-signature"].ToString(), body,
                status));
            context.Response.StatusCode = status;
            await context.Response.WriteAsync(status < 300 ? "thanks" : "receiver down", context.RequestAborted);
        });
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.app.StartAsync();
        var address = receiver.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
