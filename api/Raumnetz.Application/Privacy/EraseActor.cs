using Dapper;
using MediatR;
using Raumnetz.Application.Actors;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Actors;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Privacy;

/// <summary>
/// Erases a person (GDPR Art. 17) by anonymising them: the name is replaced, contact data, notes and tags are removed, and
/// the actor stays with its memberships, attendance, responsibilities and relations, so that network history (member
/// counts, attendance rates) stays right. The erased values are removed from the audit trail and from stored answers of
/// idempotent requests; free texts that mention the name are returned for review by hand. The erasure's own audit entry
/// holds no erased data. <see cref="ExpectedVersion"/> comes from If-Match (required: the confirmation of what is erased).
/// </summary>
public sealed record EraseActorCommand(Guid Id, long? ExpectedVersion) : ICommand<ErasureResult>;

public sealed class EraseActorHandler(IUnitOfWork unitOfWork, TimeProvider clock) : IRequestHandler<EraseActorCommand, ErasureResult>
{
    private sealed class PersonRow
    {
        public ActorKind Kind { get; init; }
        public string Name { get; init; } = "";
        public string? ShortName { get; init; }
        public string? Email { get; init; }
        public string? Phone { get; init; }
        public string? Website { get; init; }
        public string? Street { get; init; }
        public string? PostalCode { get; init; }
        public string? City { get; init; }
        public string? Notes { get; init; }
        public DateTimeOffset? ErasedAt { get; init; }
    }

    /// <summary>The fields of an actor that are personal data of a person.</summary>
    public static readonly string[] PersonalFields =
        ["name", "shortName", "email", "phone", "website", "street", "postalCode", "city", "notes", "tags"];

    public async Task<ErasureResult> Handle(EraseActorCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "actors", "Actor", request.Id, request.ExpectedVersion);
        var person = await connection.QuerySingleAsync<PersonRow>(new CommandDefinition("""
            SELECT kind, name, short_name, email, phone, website, street, postal_code, city, notes, erased_at FROM actors WHERE id = @Id
            """, new { request.Id }, tx, cancellationToken: cancellationToken));
        if (person.Kind != ActorKind.Person) throw new ConflictException(Messages.Privacy_NotAPerson);
        if (person.ErasedAt is not null) throw new ConflictException(Messages.Privacy_AlreadyErased);

        var now = clock.GetUtcNow();
        var name = Text.Format(Messages.Privacy_ErasedPersonName, request.Id.ToString()[^6..]);
        var forReview = (await PrivacyTexts.FindMentionsAsync(connection, tx, person.Name, request.Id, cancellationToken))
            .Concat(person.ShortName is { Length: >= 3 } s ? await PrivacyTexts.FindMentionsAsync(connection, tx, s, request.Id,
                cancellationToken) : [])
            .Distinct().ToList();
        var rows = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE actors SET name = @name, short_name = NULL, search_key = @searchKey, email = NULL, phone = NULL, website = NULL,
                street = NULL, postal_code = NULL, city = NULL, notes = NULL, erased_at = @now, version = version + 1, updated_at = @now
            WHERE id = @Id AND version = @version
            """, new { request.Id, name, searchKey = ActorText.SearchKey(name, null), now, version }, tx,
            cancellationToken: cancellationToken));
        Versioning.EnsureUpdated(rows, "Actor", request.Id, version);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM actor_tags WHERE actor_id = @Id", new { request.Id }, tx, cancellationToken: cancellationToken));

        var memberIds = (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT id FROM network_members WHERE actor_id = @Id", new { request.Id }, tx, cancellationToken: cancellationToken))).ToList();
        // Postal code, city and tags name no one: they are blanked in the entries about the person only, not searched everywhere.
        string?[] erased = [person.Name, person.ShortName, person.Email, person.Phone, person.Website, person.Street, person.Notes];
        var values = erased.OfType<string>().ToList();
        var scrubbed = await PrivacyTexts.ScrubAuditAsync(connection, tx, unitOfWork.Dialect,
            [request.Id.ToString(), .. memberIds.Select(m => m.ToString())], values, cancellationToken,
            request.Id.ToString(), PersonalFields);
        await PrivacyTexts.DropCachedResponsesAsync(connection, tx, values, cancellationToken);
        return new ErasureResult { Id = request.Id, Name = name, ErasedAt = now, AuditEntriesScrubbed = scrubbed, ForReview = forReview };
    }
}
