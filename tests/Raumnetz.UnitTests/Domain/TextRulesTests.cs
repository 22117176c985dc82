using Raumnetz.Domain.Common;

namespace Raumnetz.UnitTests.Domain;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("Mühlenviertel", "muehlenviertel")]
    [InlineData("  Große Straße  ", "grosse strasse")]
    [InlineData("ÖSTERREICHISCHES ÄMTERHAUS", "oesterreichisches aemterhaus")]
    [InlineData("Übersee", "uebersee")]
    [InlineData("Prenzlau", "prenzlau")]
    [InlineData("", "")]
    public void Search_key_is_trimmed_lower_case_with_umlauts_and_sharp_s_spelled_out(string text, string key)
    {
        Assert.Equal(key, TextRules.SearchKey(text));
    }

    [Fact]
    public void Spellings_with_and_without_umlauts_share_a_key()
    {
        Assert.Equal(TextRules.SearchKey("Mühle"), TextRules.SearchKey("MUEHLE"));
        Assert.Equal(TextRules.SearchKey("Straße"), TextRules.SearchKey("Strasse"));
    }

    [Fact]
    public void Keys_sort_like_names_ignoring_case()
    {
        var names = new[] { "Zeuthen", "ängelholm", "Bernau", "angermünde" };
        Assert.Equal(["aengelholm", "angermuende", "bernau", "zeuthen"], names.Select(TextRules.SearchKey).Order(StringComparer.Ordinal));
    }
}
