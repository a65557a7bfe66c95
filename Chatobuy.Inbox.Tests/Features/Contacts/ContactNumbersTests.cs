using Chatobuy.Inbox.Features.Contacts;

namespace Chatobuy.Inbox.Tests.Features.Contacts;

public sealed class ContactNumbersTests
{
    [Theory]
    [InlineData("+5511987654321", "5511987654321")]
    [InlineData("5511987654321", "5511987654321")]
    [InlineData("+1 650-555-1234", "16505551234")]
    [InlineData("12345678", "12345678")]
    public void Normalize_InternationalNumber_GivesTheWaId(string number, string waId) =>
        ContactNumbers.Normalize(number).ShouldBe(waId);

    [Theory]
    [InlineData("")]
    [InlineData("1234567")]
    [InlineData("1234567890123456")]
    [InlineData("+55 (11) 98765-4321")]
    [InlineData("++5511987654321")]
    [InlineData("55119876abc")]
    public void Normalize_NotAnInternationalNumber_IsNull(string number) =>
        ContactNumbers.Normalize(number).ShouldBeNull();

    [Fact]
    public void Validator_BadNumber_ExplainsTheFormat()
    {
        var result = new NewContactValidator().Validate(new NewContactModel { Number = "98765" });
        result.Errors.Single().ErrorMessage.ShouldStartWith("Use the international format");
    }
}
