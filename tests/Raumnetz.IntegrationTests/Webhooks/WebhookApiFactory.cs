using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Webhooks;

/// <summary>
/// The API with webhooks set up for tests: loopback and http targets allowed (the receiver runs in the test process), a fast
/// dispatcher and short back-off. Two factories over one database (<see cref="TestDatabase.Shared"/>) are two instances.
/// </summary>
public class WebhookApiFactory : ApiFactory
{
    public WebhookApiFactory() : this(TestDatabase.Create(TestDatabase.CurrentProvider)) { }

    protected WebhookApiFactory(TestDatabase database, bool dispatcher = true, string retryWindow = "01:00:00") : base(database)
    {
        Dispatcher = dispatcher;
        RetryWindow = retryWindow;
    }

    /// <summary>Another instance on this factory's database.</summary>
    public static WebhookApiFactory Instance(TestDatabase database, bool dispatcher = true) => new(database.Shared(), dispatcher);

    public bool Dispatcher { get; }
    public string RetryWindow { get; }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Raumnetz:Webhooks:AllowLoopbackTargets"] = "true",
        ["Raumnetz:Webhooks:AllowHttp"] = "true",
        ["Raumnetz:Webhooks:Dispatcher"] = Dispatcher ? "true" : "false",
        ["Raumnetz:Webhooks:PollInterval"] = "00:00:00.050",
        ["Raumnetz:Webhooks:RetryDelay"] = "00:00:00.020",
        ["Raumnetz:Webhooks:MaxRetryDelay"] = "00:00:00.100",
        ["Raumnetz:Webhooks:RetryWindow"] = RetryWindow,
    };
}

/// <summary>The webhook API with a retry window of half a second: a receiver that keeps failing gets its subscription disabled.</summary>
public sealed class ShortRetryWindowFactory()
    : WebhookApiFactory(TestDatabase.Create(TestDatabase.CurrentProvider), retryWindow: "00:00:00.500");
