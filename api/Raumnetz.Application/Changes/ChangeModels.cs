using System.Buffers.Binary;
using System.Buffers.Text;

namespace Raumnetz.Application.Changes;

/// <summary>One change in the feed: which entity, what happened to it, its new version, when, and the changed fields.</summary>
public sealed record ChangeDto
{
    /// <summary>The position right after this change: pass it as <c>after</c> to continue behind it.</summary>
    public string Cursor { get; init; } = "";
    /// <summary>actor, space, network, networkMember, meeting, task, indicator, indicatorSet, observation, assessment, ...</summary>
    public string EntityType { get; init; } = "";
    /// <summary>The entity's id (a code for actor types).</summary>
    public string EntityId { get; init; } = "";
    /// <summary>create, update, archive, restore, end, delete (a tombstone: the entity is gone), ...</summary>
    public string Action { get; init; } = "";
    /// <summary>The entity's version after the change (its ETag); null for deletions and entities without one.</summary>
    public long? Version { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    /// <summary>The names of the changed fields, sorted; null when not known (rows written by an import).</summary>
    public IReadOnlyList<string>? Fields { get; init; }
}

/// <summary>
/// A page of the feed, oldest first. <see cref="Next"/> is always set, also when there are no items: pass it as
/// <c>after</c> on the next poll. <see cref="HasMore"/> says whether more changes are waiting right now.
/// </summary>
public sealed record ChangesPage
{
    public IReadOnlyList<ChangeDto> Items { get; init; } = [];
    public string Next { get; init; } = "";
    public bool HasMore { get; init; }
}

/// <summary>A position in the feed, as an opaque cursor.</summary>
public sealed record ChangeCursorDto
{
    public string Cursor { get; init; } = "";
}

/// <summary>
/// A position in the feed (the seq of the last change seen, 0 before the first) as an opaque token: base64url of a version
/// byte (1) and the position as a 64-bit big-endian number. The same token continues at the same place across restarts and
/// instances, as it is the table's own numbering.
/// </summary>
public static class ChangeCursor
{
    private const byte Version = 1;

    public static string Encode(long seq)
    {
        Span<byte> bytes = stackalloc byte[9];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], seq);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Reads a token (null or empty: the start of the feed); false for anything this API did not issue.</summary>
    public static bool TryDecode(string? token, out long seq)
    {
        seq = 0;
        if (string.IsNullOrEmpty(token)) return true;
        if (token.Length > 32) return false;
        Span<byte> bytes = stackalloc byte[24];
        if (!Base64Url.IsValid(token)
            || Base64Url.DecodeFromChars(token, bytes, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != 9 || bytes[0] != Version)
            return false;
        seq = BinaryPrimitives.ReadInt64BigEndian(bytes[1..9]);
        return seq >= 0 && Encode(seq) == token;
    }
}
