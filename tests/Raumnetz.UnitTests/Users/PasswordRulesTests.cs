using Raumnetz.Application.Users;
using Raumnetz.Domain.Common;

namespace Raumnetz.UnitTests.Users;

public sealed class PasswordRulesTests
{
    [Fact]
    public void The_shipped_list_holds_a_few_thousand_common_passwords_compared_without_case()
    {
        Assert.InRange(PasswordRules.CommonCount, 4_000, 5_000);
        Assert.True(PasswordRules.IsCommon("password"));
        Assert.True(PasswordRules.IsCommon("1QAZ2WSX3EDC"));
        Assert.False(PasswordRules.IsCommon("Kastanienallee-im-Herbst-3"));
    }

    [Theory]
    [InlineData("paula.planung@kreis.example", "Paula.Planung-2026!", "the local part, in another case")]
    [InlineData("x@kreis.example", "1q2w3e4r5t6y", "a common password")]
    public void A_password_breaking_a_rule_is_refused_naming_the_field(string email, string password, string why)
    {
        var e = Assert.Throws<InvalidFieldException>(() => PasswordRules.Check(password, email, "newPassword"));
        Assert.Equal("newPassword", e.Field);
        Assert.False(string.IsNullOrEmpty(why));
    }

    [Theory]
    [InlineData("paula.planung@kreis.example", "Kastanienallee-im-Herbst-3")]
    [InlineData("ab@kreis.example", "ab-und-zu-ein-Spaziergang")] // local parts under three characters are not checked
    public void Other_passwords_pass(string email, string password) => PasswordRules.Check(password, email, "password");
}
