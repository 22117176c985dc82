namespace Raumnetz.Api.Http;

/// <summary>
/// A request body that its endpoint turns into <typeparamref name="TCommand"/>, adding what the route, the query and
/// the headers carry (the id, the If-Match version, ...), so that commands hold no HTTP binding. Named as the command
/// with "Request" for "Command", the body keeps the schema name the command had; the command's validators check it
/// and publish their limits on it (<see cref="OpenApi.FluentValidationSchemaFilter"/>).
/// </summary>
public interface IBodyOf<TCommand>;
