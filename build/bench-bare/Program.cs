// The bare endpoint of build/bench: GET /api/v1/actors/{id} with nothing but routing, one pooled SQLite connection per
// request, the product's three queries (ActorReads.LoadAsync: the actor with its type and parent, its spaces, its tags)
// and System.Text.Json with the product's names and enum spelling. No authentication, no logging, no middleware.
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Microsoft.Data.Sqlite;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
});
var connectionString = new SqliteConnectionStringBuilder
{
    DataSource = builder.Configuration["Database"] ?? "bench.db",
    Pooling = true,
}.ToString();
var app = builder.Build();

const string Columns = """
    a.id, a.kind, a.name, a.short_name, a.type_code AS type, t.name_de AS type_name, a.sector, a.parent_id, p.name AS parent_name,
    a.email, a.phone, a.website, a.street, a.postal_code, a.city, a.notes, a.archived_at, a.version, a.created_at, a.updated_at
    """;
const string From = "actors a JOIN actor_types t ON t.code = a.type_code LEFT JOIN actors p ON p.id = a.parent_id";
DefaultTypeMap.MatchNamesWithUnderscores = true;

app.MapGet("/api/v1/actors/{id:guid}", async (Guid id, HttpContext context) =>
{
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync(context.RequestAborted);
    var key = id.ToString("D");
    var row = await connection.QuerySingleOrDefaultAsync<ActorRow>(new CommandDefinition(
        $"SELECT {Columns} FROM {From} WHERE a.id = @id", new { id = key }, cancellationToken: context.RequestAborted));
    if (row is null) return Results.NotFound();
    // the product's queries for one actor (ActorReads.LoadAsync): its spaces and tags by equality
    var p = new { id = key };
    var spaces = await connection.QueryAsync<string>(new CommandDefinition(
        "SELECT space_id FROM actor_spaces WHERE actor_id = @id", p, cancellationToken: context.RequestAborted));
    var tags = await connection.QueryAsync<string>(new CommandDefinition(
        "SELECT tag FROM actor_tags WHERE actor_id = @id", p, cancellationToken: context.RequestAborted));
    context.Response.Headers.ETag = $"\"{row.Version}\"";
    return Results.Ok(new Actor(Guid.Parse(row.Id), Enum.Parse<Kind>(row.Kind), row.Name, row.ShortName, row.Type, row.TypeName,
        Enum.Parse<Sector>(row.Sector), row.ParentId is null ? null : Guid.Parse(row.ParentId), row.ParentName, row.Email, row.Phone,
        row.Website, row.Street, row.PostalCode, row.City, spaces.Select(Guid.Parse).Order().ToList(),
        tags.Order(StringComparer.OrdinalIgnoreCase).ToList(), row.Notes, Instant(row.ArchivedAt), row.Version,
        Instant(row.CreatedAt)!.Value, Instant(row.UpdatedAt)!.Value));
});
app.Run();

static DateTimeOffset? Instant(string? text) =>
    text is null
        ? null
        : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

internal enum Kind { Organisation = 1, Person = 2 }

internal enum Sector { Public = 1, CivilSociety = 2, PrivateEconomy = 3 }

internal sealed record Actor(Guid Id, Kind Kind, string Name, string? ShortName, string Type, string TypeName, Sector Sector,
    Guid? ParentId,    string? ParentName, string? Email, string? Phone, string? Website, string? Street, string? PostalCode, string? City,
    IReadOnlyList<Guid> SpaceIds, IReadOnlyList<string> Tags, string? Notes, DateTimeOffset? ArchivedAt, long Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal sealed class ActorRow
{
    public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string? ShortName { get; set; }
    public string Type { get; set; } = "";
    public string TypeName { get; set; } = "";
    public string Sector { get; set; } = "";
    public string? ParentId { get; set; }
    public string? ParentName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Notes { get; set; }
    public string? ArchivedAt { get; set; }
    public long Version { get; set; }
    public string CreatedAt { get; set; } = "";
    public string UpdatedAt { get; set; } = "";
}
