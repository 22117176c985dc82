using System.Buffers.Text;
using System.Text;
using Raumnetz.Application.Common;

namespace Raumnetz.UnitTests.Application;

public sealed class CursorTests
{
    private static string Token(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("prenzlau")]
    [InlineData("")]
    [InlineData("grosse strasse \"zitat\" & ,;[]")]
    [InlineData("quartier 100 %")]
    public void Round_trips(string key)
    {
        var cursor = new Cursor(key, Guid.CreateVersion7());
        var token = cursor.Encode();

        Assert.True(Cursor.TryDecode(token, out var decoded));
        Assert.Equal(cursor, decoded);
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
        Assert.DoesNotContain('=', token);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_token_means_the_first_page(string? token)
    {
        Assert.True(Cursor.TryDecode(token, out var cursor));
        Assert.Null(cursor);
    }

    public static TheoryData<string> Garbage => new()
    {
        "garbage!",
        "%%%",
        "a",
        Token("not json"),
        Token("{\"a\":1}"),
        Token("[\"only-key\"]"),
        Token("[\"key\",\"not-a-guid\"]"),
        Token($"[\"key\",\"{Guid.NewGuid()}\",\"extra\"]"),
        Token($"[null,\"{Guid.NewGuid()}\"]"),
        Token($"[1,\"{Guid.NewGuid()}\"]"),
        Token("null"),
        Token("[]"),
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Garbage_is_rejected(string token)
    {
        Assert.False(Cursor.TryDecode(token, out var cursor));
        Assert.Null(cursor);
    }
}
