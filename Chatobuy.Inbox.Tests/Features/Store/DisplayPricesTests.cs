using Chatobuy.Inbox.Features.Store;

namespace Chatobuy.Inbox.Tests.Features.Store;

/// <summary>Meta's display prices (commerce reference §1.3) read as amounts only when they cannot be misread.</summary>
public sealed class DisplayPricesTests
{
    [Theory]
    [InlineData("$5.99", 5.99)]
    [InlineData("HK$120.00", 120)]
    [InlineData("HK$1,280.00", 1280)]
    [InlineData("12.50 EUR", 12.5)]
    [InlineData("¥1500", 1500)]
    public void Amount_UnambiguousDisplayPrice_IsRead(string display, double expected) =>
        DisplayPrices.Amount(display).ShouldBe((decimal)expected);

    [Theory]
    [InlineData("Rp460.000")]
    [InlineData("1.234,56 €")]
    [InlineData("R$ 12,5")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("free")]
    public void Amount_AmbiguousOrMissing_IsNull(string? display) =>
        DisplayPrices.Amount(display).ShouldBeNull();
}
