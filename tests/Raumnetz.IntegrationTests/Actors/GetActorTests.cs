using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Actors.ActorApi;

namespace Raumnetz.IntegrationTests.Actors;

/// <summary>
/// GET of one actor reads its spaces and tags by the actor's id (ActorReads.LoadAsync), the list reads them for a whole page
/// (ActorReads.CompleteAsync): both give the same spaces and tags in the same order, spaces by id, tags by text ignoring case
/// (on SQLite the primary keys already hand the rows out in that order; the equality of the two paths is what this guards).
/// </summary>
public sealed class GetActorTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task One_actor_has_the_spaces_and_tags_of_its_list_entry_in_the_same_order()
    {
        var client = await factory.AdminAsync();
        var token = Token();
        var spaces = new List<Guid>();
        for (var i = 0; i < 4; i++) spaces.Add(await CreateSpaceAsync(client, $"Quartier {token} {i}", "neighbourhood"));
        var tags = new[] { "kiez", "Beratung", "ARBEIT", "jugend", "Äpfel" };
        var id = (await CreateActorAsync(client, Organisation($"Nachbarschaftshaus {token}",
            new { spaceIds = new[] { spaces[2], spaces[0], spaces[3], spaces[1] }, tags }))).GetProperty("id").GetGuid();

        var (one, _) = await GetWithETagAsync(client, $"{ActorsUrl}/{id}");
        var listed = Assert.Single(await AllPagesAsync(client, $"{ActorsUrl}?q={token}"));

        var expectedTags = tags.Order(StringComparer.OrdinalIgnoreCase).ToList();
        Assert.Equal(["ARBEIT", "Beratung", "jugend", "kiez", "Äpfel"], expectedTags);
        foreach (var actor in new[] { one, listed })
        {
            Assert.Equal(id, actor.GetProperty("id").GetGuid());
            Assert.Equal(spaces.Order(), actor.GetProperty("spaceIds").EnumerateArray().Select(e => e.GetGuid()));
            Assert.Equal(expectedTags, actor.GetProperty("tags").Strings());
        }
        Assert.Equal(listed.GetProperty("spaceIds").GetRawText(), one.GetProperty("spaceIds").GetRawText());
        Assert.Equal(listed.GetProperty("tags").GetRawText(), one.GetProperty("tags").GetRawText());
    }

    [Fact]
    public async Task An_actor_without_spaces_and_tags_has_empty_lists()
    {
        var client = await factory.AdminAsync();
        var id = (await CreateActorAsync(client, Organisation($"Verein {Token()}"))).GetProperty("id").GetGuid();

        var (one, _) = await GetWithETagAsync(client, $"{ActorsUrl}/{id}");

        Assert.Equal(JsonValueKind.Array, one.GetProperty("spaceIds").ValueKind);
        Assert.Empty(one.GetProperty("spaceIds").EnumerateArray());
        Assert.Empty(one.GetProperty("tags").EnumerateArray());
    }
}
